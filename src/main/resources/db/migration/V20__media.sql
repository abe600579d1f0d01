-- Media assets (#12). Binaries live in S3 under keys derived from their SHA-256; this row is written only after the
-- original is stored. One row per distinct upload (content addressing: the same bytes are the same asset).
create table media_asset (
    id text primary key,
    organisation text not null,
    sha256 text not null unique,
    kind text not null check (kind in ('image', 'video')),
    media_type text not null,
    byte_size bigint not null check (byte_size > 0),
    width int,
    height int,
    original_key text not null,
    original_sha256 text not null,
    filename text,
    credit text,
    licence text,
    copyright text,
    focal_x real not null default 0.5 check (focal_x between 0 and 1),
    focal_y real not null default 0.5 check (focal_y between 0 and 1),
    -- caption and alt text per language: {"fr": {"caption": "…", "altText": "…"}}
    texts jsonb not null default '{}'::jsonb,
    renditions_status text not null default 'pending' check (renditions_status in ('pending', 'ready', 'failed')),
    -- [{"name", "format", "width", "height", "bytes", "key", "sha256"}]
    renditions jsonb not null default '[]'::jsonb,
    renditions_requested_at timestamptz not null,
    renditions_error text,
    -- the focal point the current renditions were cropped around ("0.5,0.5"); null before the first set
    renditions_frame text,
    version bigint not null default 1,
    created_by text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- The media library lists newest first and pages by (created_at, id).
create index media_asset_created on media_asset (created_at desc, id desc);
create index media_asset_pending on media_asset (renditions_requested_at) where renditions_status = 'pending';
