-- Writes the sandbox's quarantined lines to its output folder, for the warehouse's quarantine.
copy (select row_number, line_number, value, rule from quarantine) to {{path}} (format parquet)
