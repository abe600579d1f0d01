-- Stories reference media assets with a role (#12); an infographic image may be given per language (lang set), the
-- others serve every language (lang null). The foreign key keeps a referenced asset from being deleted behind the
-- media library's own 409.
create table story_media (
    story_id  text not null references story (id) on delete cascade,
    position  int  not null,
    asset_id  text not null references media_asset (id),
    role      text not null check (role in ('lead', 'gallery', 'video', 'infographic', 'inline')),
    lang      text,
    primary key (story_id, position)
);
create index story_media_asset on story_media (asset_id);
