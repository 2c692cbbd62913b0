-- The files the mapping's globs matched, readable by their real path (a symlink may lead out of --from).
set allowed_paths = {{paths}}
