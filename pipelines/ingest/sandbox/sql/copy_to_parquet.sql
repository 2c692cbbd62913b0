-- Writes a staged relation to the sandbox's output folder for the warehouse to read.
copy ({{select}}) to {{path}} (format parquet)
