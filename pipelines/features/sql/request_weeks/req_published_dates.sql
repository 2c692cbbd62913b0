-- The publishes a request week's digest reads (published_dates, written by publishDated).
create or replace temp view req_published_dates as
select history, as_of, generation from published_dates
