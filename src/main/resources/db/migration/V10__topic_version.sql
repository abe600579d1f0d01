-- Topics are replaced with If-Match like every other managed resource: they need a version to match.
alter table topic add column version bigint not null default 1;
alter table topic add column updated_at timestamptz;
update topic set updated_at = created_at;
alter table topic alter column updated_at set not null;
