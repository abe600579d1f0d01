package org.imagehub.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's words in English (the default); {@code messages/msg_vi.properties} has them in Vietnamese (ConsoleMessagesTest
 * checks that every key is there, so no screen is half translated).
 */
@MessageBundle(locale = "en")
public interface ConsoleMessages {
    @Message("Skip to content")
    String skip();

    @Message("Console")
    String nav_label();

    @Message("My desk")
    String nav_desk();

    @Message("Stories")
    String nav_stories();

    @Message("New story")
    String nav_new();

    @Message("Sign out")
    String sign_out();

    @Message("Times are shown in")
    String times_in();

    @Message("Sign in")
    String signin_title();

    @Message("Sign in to the editorial console.")
    String signin_intro();

    @Message("Unknown user or wrong password.")
    String signin_failed();

    @Message("User name")
    String signin_username();

    @Message("Password")
    String signin_password();

    @Message("Sign in")
    String signin_submit();

    @Message("Demo accounts: editor.mofa / demo-editor, approver.mofa / demo-approver, admin / demo-admin, contributor.embassy-fr / demo-contributor.")
    String signin_demo_hint();

    @Message("My desk")
    String desk_title();

    @Message("Drafts")
    String desk_drafts();

    @Message("Waiting for review")
    String desk_review();

    @Message("Outdated translations")
    String desk_outdated();

    @Message("Scheduled")
    String desk_scheduled();

    @Message("Under embargo")
    String desk_embargoed();

    @Message("Nothing here.")
    String desk_nothing();

    @Message("Breaking")
    String breaking();

    @Message("scheduled for")
    String scheduled_for();

    @Message("embargo until")
    String embargo_until();

    @Message("Stories")
    String stories_title();

    @Message("Search")
    String stories_search();

    @Message("Type")
    String field_type();

    @Message("any")
    String any();

    @Message("State")
    String field_state();

    @Message("Language")
    String field_lang();

    @Message("Topic")
    String field_topic();

    @Message("Organisation")
    String field_organisation();

    @Message("Apply")
    String stories_apply();

    @Message("Facets")
    String facets();

    @Message("localizations match")
    String stories_matches();

    @Message("Title")
    String field_title();

    @Message("Next page")
    String next_page();

    @Message("New story")
    String new_title();

    @Message("Change type")
    String new_change_type();

    @Message("First language")
    String new_first_language();

    @Message("Story attributes")
    String new_attributes();

    @Message("Create story")
    String new_create();

    @Message("Summary")
    String field_summary();

    @Message("Body (HTML)")
    String field_body();

    @Message("Paragraphs, headings, lists, links and emphasis are kept; scripts, styles and unknown markup are removed when saved.")
    String body_hint();

    @Message("Slug and SEO")
    String seo();

    @Message("Slug")
    String field_slug();

    @Message("SEO title")
    String field_seo_title();

    @Message("SEO description")
    String field_seo_description();

    @Message("Priority")
    String field_priority();

    @Message("Normal")
    String priority_normal();

    @Message("Topics")
    String field_topics();

    @Message("Target countries")
    String field_countries();

    @Message("Key messages")
    String field_key_messages();

    @Message("Tags")
    String field_tags();

    @Message("Separate several values with commas.")
    String comma_hint();

    @Message("Embargo until")
    String field_embargo();

    @Message("Expires at")
    String field_expiry();

    @Message("version")
    String version();

    @Message("Languages")
    String story_languages();

    @Message("Outdated")
    String outdated();

    @Message("Add a language")
    String story_add_language();

    @Message("from")
    String translate_from();

    @Message("Translate")
    String translate();

    @Message("Reason for the change")
    String field_reason();

    @Message("Save")
    String save();

    @Message("Edit")
    String edit_language();

    @Message("Translate into")
    String translate_into();

    @Message("revision")
    String revision();

    @Message("published")
    String published_at();

    @Message("Saved.")
    String saved();

    @Message("Someone else saved this text since you opened it.")
    String stale_title();

    @Message("Nothing was overwritten: your text is still in the form below. Copy what you need, then reload to see their version.")
    String stale_body();

    @Message("Reload the current version")
    String stale_reload();

    @Message("Stories very like this one already exist:")
    String near_duplicates();

    @Message("Source")
    String source();

    @Message("The source changed since this translation was made:")
    String outdated_hint();

    @Message("Workflow")
    String workflow();

    @Message("Your role has no workflow action on this language now.")
    String no_actions();

    @Message("Comment")
    String field_comment();

    @Message("Publish at")
    String field_schedule_at();

    @Message("Public reason (withdrawal)")
    String field_public_reason();

    @Message("History")
    String history();

    @Message("Media")
    String nav_media();

    @Message("Media library")
    String media_title();

    @Message("Image or PDF to upload")
    String media_upload();

    @Message("JPEG, PNG or PDF; the type is read from the file itself. You can also drop a file here.")
    String media_upload_hint();

    @Message("Upload progress")
    String media_progress();

    @Message("Upload")
    String media_upload_button();

    @Message("renditions")
    String renditions();

    @Message("Preview")
    String media_preview();

    @Message("The image: click the point that must stay in every crop")
    String media_focal_alt();

    @Message("Click the image where its subject is (or type x and y, 0 to 1): crops keep that point.")
    String media_focal_hint();

    @Message("Credit, licence and texts")
    String media_about();

    @Message("Credit")
    String media_credit();

    @Message("Licence")
    String media_licence();

    @Message("Copyright")
    String media_copyright();

    @Message("Focal point")
    String media_focal();

    @Message("Caption")
    String media_caption();

    @Message("Alt text")
    String media_alt();

    @Message("Lead image")
    String lead_image();

    @Message("none")
    String lead_none();

    @Message("Set lead image")
    String lead_set();

    @Message("Revisions")
    String revisions();

    @Message("Story")
    String story();

    @Message("Compare")
    String compare();

    @Message("From revision")
    String compare_from();

    @Message("to revision")
    String compare_to();

    @Message("Field")
    String field();

    @Message("By")
    String by();

    @Message("When")
    String when();

    @Message("Restore")
    String restore();

    @Message("restored from")
    String restored_from();

    @Message("Admin")
    String nav_admin();

    @Message("Consumers and keys")
    String admin_consumers();

    @Message("Outbox")
    String admin_outbox();

    @Message("Audit log")
    String admin_audit();

    @Message("Name")
    String admin_name();

    @Message("Active")
    String admin_active();

    @Message("This key is shown once: copy it now. The hub keeps only a hash.")
    String admin_key_once();

    @Message("New API key")
    String admin_new_key();

    @Message("Copy")
    String admin_copy();

    @Message("API keys")
    String admin_keys();

    @Message("Key")
    String admin_hint();

    @Message("Created")
    String admin_created();

    @Message("Expires")
    String admin_expires();

    @Message("Last used")
    String admin_last_used();

    @Message("Revoke")
    String admin_revoke();

    @Message("revoked")
    String admin_revoked();

    @Message("Issue a new key")
    String admin_issue();

    @Message("Webhooks")
    String admin_webhooks();

    @Message("Disabled")
    String admin_disabled();

    @Message("Event")
    String admin_event();

    @Message("Attempts")
    String admin_attempts();

    @Message("Last error")
    String admin_last_error();

    @Message("Replay")
    String admin_replay();

    @Message("Handlers")
    String admin_handlers();

    @Message("Pending")
    String admin_pending();

    @Message("Parked events")
    String admin_parked();

    @Message("Oldest pending")
    String admin_oldest();

    @Message("Action")
    String admin_action();

    @Message("Target")
    String admin_target();

    @Message("Since")
    String admin_since();

    @Message("Key messages")
    String nav_key_messages();

    @Message("Coverage")
    String km_coverage();

    @Message("For each active key message: the languages in which published stories carry it.")
    String km_coverage_hint();

    @Message("Key message")
    String km_message();

    @Message("Published stories")
    String km_stories();

    @Message("covered")
    String km_covered();

    @Message("missing")
    String km_missing();

    @Message("Texts")
    String km_texts();

    @Message("inactive")
    String km_inactive();

    @Message("Reports")
    String nav_reports();

    @Message("From")
    String report_from();

    @Message("To")
    String report_to();

    @Message("Reach over time")
    String report_reach();

    @Message("Events")
    String report_events();

    @Message("Clicks")
    String report_clicks();

    @Message("Key-message coverage")
    String report_coverage();

    @Message("Translation speed")
    String report_speed();

    @Message("Translations")
    String report_translations();

    @Message("median")
    String report_median();

    @Message("Correction reach")
    String report_corrections();

    @Message("Consumers")
    String report_consumers();

    @Message("reached in time")
    String report_in_time();

    @Message("Criteria scorecard")
    String report_scorecard();

    @Message("Score")
    String report_score();

    @Message("Value")
    String report_value();

    @Message("Target")
    String report_target();

    @Message("No criteria set for this organisation.")
    String report_no_criteria();

    @Message("Social")
    String nav_social();

    @Message("Calendar")
    String social_calendar();

    @Message("Previous")
    String social_previous();

    @Message("Next")
    String social_next();

    @Message("Week")
    String social_week();

    @Message("Month")
    String social_month();

    @Message("Posts too close together on one account:")
    String social_clashes();

    @Message("Clash")
    String social_clash();

    @Message("Drafts waiting")
    String social_drafts();

    @Message("approved by")
    String social_approved_by();

    @Message("Text")
    String social_text();

    @Message("Import")
    String nav_import();

    @Message("Stories to import (NDJSON: one story with its externalId per line)")
    String import_file();

    @Message("A story whose externalId is known is brought up to date; an unchanged line changes nothing. The file is read as it is sent.")
    String import_hint();

    @Message("Import")
    String import_start();

    @Message("Import progress")
    String import_progress();

    @Message("Lines that failed")
    String import_failures();

    @Message("Line")
    String import_line();

    @Message("Why")
    String import_detail();

    @Message("Image for this language")
    String infographic_image();

    @Message("Use this image")
    String image_set();

    @Message("Organisations")
    String admin_organisations();

    @Message("Code")
    String admin_code();

    @Message("Central")
    String admin_central();

    @Message("New organisation")
    String admin_new_organisation();

    @Message("Publish every draft language of the chosen stories")
    String bulk_publish();

    @Message("Choose")
    String bulk_choose();

    @Message("Languages published:")
    String bulk_published();

    @Message("Rebuild the search index")
    String reindex();

    @Message("Stories indexed")
    String reindexed();

    @Message("missing after the check:")
    String reindex_missing();

    @Message("{#when action}{#is 'submit'}Submit for review{#is 'return'}Return to draft{#is 'approve'}Approve{#is 'publish'}Publish{#is 'schedule'}Schedule{#is 'unschedule'}Unschedule{#is 'withdraw'}Withdraw{#is 'archive'}Archive{#else}{action}{/when}")
    String action(String action);
}
