-- The folders the sandbox may read (--from) and write (its output folder), once external access is off.
set allowed_directories = {{dirs}}
