-- Features computed from a source the marketplace does not have are unknown: NULL (read as missing), never 0.
update {{table}}
set {{assignments}}
