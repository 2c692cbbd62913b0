-- Undoes set_file_search_path.sql once the batch is done.
reset file_search_path
