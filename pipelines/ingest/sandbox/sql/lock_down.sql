-- No file outside the allowed folders, no extension loaded or installed, and no setting changed from here on.
set enable_external_access = false;
set autoinstall_known_extensions = false;
set autoload_known_extensions = false;
set lock_configuration = true
