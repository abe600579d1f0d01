-- Documents (#12): PDFs are assets of kind 'document' (no renditions), used by stories in the role 'document'.
alter table media_asset drop constraint media_asset_kind_check;
alter table media_asset add constraint media_asset_kind_check check (kind in ('image', 'video', 'document'));
alter table story_media drop constraint story_media_role_check;
alter table story_media add constraint story_media_role_check
    check (role in ('lead', 'gallery', 'video', 'infographic', 'inline', 'document'));
