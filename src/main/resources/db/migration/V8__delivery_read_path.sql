-- Lists, feeds and related stories in one language walk this index newest first and stop after their page, instead
-- of reading every row of the language and sorting it (lang = ? then the order of delivery_item_newest).
create index delivery_item_lang_newest on delivery_item (lang, story_published_at desc, story_id desc);
