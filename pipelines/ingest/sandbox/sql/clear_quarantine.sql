-- Empties the sandbox's quarantine once its lines were written out.
delete from quarantine
