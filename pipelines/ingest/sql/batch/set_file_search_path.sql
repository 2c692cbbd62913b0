-- Lets a mapping's SQL sources name their files relative to the --from folder.
set file_search_path = {{folder}}
