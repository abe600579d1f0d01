-- Videos (#12): their duration read from the container, an image chosen as poster, and the presigned multipart uploads
-- in progress (the object key and S3 upload id are the server's; the row lets an abandoned upload be aborted).
alter table media_asset
    add column duration_ms bigint check (duration_ms >= 0),
    add column poster_id text references media_asset (id) on delete set null;

create table media_upload (
    id text primary key,
    organisation text not null,
    object_key text not null unique,
    s3_upload_id text not null,
    media_type text not null,
    declared_bytes bigint not null check (declared_bytes > 0),
    part_bytes bigint not null,
    filename text,
    created_by text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);

create index media_upload_expiry on media_upload (expires_at);
