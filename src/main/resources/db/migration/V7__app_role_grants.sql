-- The hub's runtime login (${app_role}, the datasource user) is not the role that runs these migrations (the owner,
-- quarkus.flyway.username): it reads and writes rows but owns nothing, so it can neither change nor drop the schema,
-- and it may only add to and read the audit log — UPDATE, DELETE and TRUNCATE are refused by the grants before the
-- append-only triggers are even reached. Tables and sequences that later migrations create get the same grants
-- through the owner's default privileges. Needs PostgreSQL 15+ (no CREATE on schema public for PUBLIC).
do $$
declare
    app text := '${app_role}';
begin
    if app = current_user then
        -- One login for both: nothing to grant; the triggers remain the only guard (see README, "database roles").
        raise notice 'Flyway runs as the hub''s own login %: no separate application role to grant to', app;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('revoke all on %I from %I', '${flyway:table}', app);
    execute format('revoke update, delete, truncate on audit_entry from %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
end $$;
