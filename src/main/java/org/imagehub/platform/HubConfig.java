package org.imagehub.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The hub's own settings ({@code hub.*}); Quarkus' own settings stay under {@code quarkus.*}. */
@ConfigMapping(prefix = "hub")
public interface HubConfig {
    Storage storage();

    Search search();

    Demo demo();

    Console console();

    Limits limits();

    ContentModelLocation contentModel();

    Content content();

    Paging paging();

    interface Paging {
        /** Signs cursors and sync tokens; the same on every replica (env HUB_CURSOR_SECRET). */
        String cursorSecret();
    }

    interface Content {
        /** The languages the programme publishes in: translation and coverage reports measure against them. */
        @WithDefault("vi,en,fr,zh-Hans,uk")
        java.util.List<String> targetLanguages();
    }

    interface ContentModelLocation {
        /** Folder of the declared content types (one JSON file each). */
        @WithDefault("content-model")
        String dir();

        /** A second folder whose types are added to (or replace) those of {@link #dir()}. */
        Optional<String> extraDir();
    }

    interface Limits {
        /** Largest JSON request body, in bytes. */
        @WithDefault("1048576")
        long jsonBodyBytes();

        /** Largest NDJSON import body, in bytes; also bounded by quarkus.http.limits.max-body-size. */
        @WithDefault("268435456")
        long importBodyBytes();

        /**
         * Largest multipart upload (a media file and its form), in bytes; each kind of media has its own lower limit.
         * Also bounded by quarkus.http.limits.max-body-size, which Vert.x enforces while the upload streams to disk.
         */
        @WithDefault("268435456")
        long multipartBodyBytes();

        /** An import stops reading after this many failed lines: past that the file is wrong, not a few lines of it. */
        @WithDefault("10000")
        int importMaxFailedLines();

        /**
         * Longest request target (path and query), in characters: longer ones are answered 414 problem+json. Kept
         * below quarkus.http.limits.max-initial-line-length, where the HTTP codec refuses a request with a bare 414.
         */
        @WithDefault("8192")
        int uriLength();

        /**
         * Most bytes of request headers (names and values): more are answered 431 problem+json. Kept below
         * quarkus.http.limits.max-header-size, where the HTTP codec refuses a request with a bare 431.
         */
        @WithDefault("16384")
        int headerBytes();

        /** Largest page a list or sync call returns (the OpenAPI document states the default). */
        @WithDefault(org.imagehub.platform.http.ApiSchemas.MAX_PAGE_SIZE)
        int maxPageSize();
    }

    interface Storage {
        /** S3 endpoint, e.g. http://minio:9000 (env HUB_STORAGE_ENDPOINT). */
        String endpoint();

        @WithDefault("us-east-1")
        String region();

        String accessKey();

        String secretKey();

        @WithDefault("image-hub-media")
        String bucket();
    }

    interface Search {
        /** Prefix of every index and alias the hub owns, so several hubs can share one cluster. */
        @WithDefault("imagehub")
        String indexPrefix();

        /** Password of the Elasticsearch user, when the cluster requires one. */
        Optional<String> password();

        /**
         * How alike a saved draft and another story must be to be reported as a near-duplicate: the share of the
         * draft's most distinctive terms (up to 25, chosen by more-like-this) the other text must contain.
         */
        @WithDefault("60%")
        String nearDuplicateMinimumMatch();

        /**
         * And how many of those terms at least: a short text (a placeholder, a one-line draft) has too few
         * distinctive terms for a share of them to mean anything, and is never reported as anyone's duplicate.
         */
        @WithDefault("5")
        int nearDuplicateMinimumTerms();

        /** Near-duplicates listed in a save answer at most. */
        @WithDefault("5")
        int nearDuplicateMaxResults();

        /**
         * How long a consumer search answer is reused at most. On this replica an answer is dropped exactly, when the
         * published view changes or this replica writes to the index; this bounds only how late another replica's
         * index writes show here when they come later than {@link #answerSettle()} after the change.
         */
        @WithDefault("30s")
        java.time.Duration answerMaxAge();

        /**
         * Answers computed this soon after a change of the published view or a write to the index are served but not
         * kept: the index catches up a moment after the change (dispatch, then Elasticsearch's 1 s refresh).
         */
        @WithDefault("3s")
        java.time.Duration answerSettle();
    }

    /** The editorial console under /console. */
    interface Console {
        /** Session cookie Secure and {@code __Host-} prefixed: off only where the console is served over plain http (demo, tests). */
        @WithDefault("true")
        boolean secureCookie();

        /** The identity provider's session cookie (the console's OIDC tenant) the CSRF token is made from in production. */
        @WithDefault("q_session_console-web")
        String providerSessionCookie();
    }

    interface Demo {
        /** Load the demo dataset at start when the database holds no story yet. */
        @WithDefault("false")
        boolean loadDataset();

        /** Demo accounts may sign in without an identity provider. Never on in production. */
        @WithDefault("false")
        boolean signInEnabled();

        /** Private key (base64 PKCS#8) that signs demo tokens; generated per run by HubMain or the test stack. */
        Optional<String> signingKey();

        /** The demo consumer's API key (HUB_DEMO_API_KEY); registered at start in the demo profile only. */
        Optional<String> apiKey();

        /** The demo social scheduler's API key (HUB_DEMO_SCHEDULER_KEY, scope social:schedule); demo profile only. */
        Optional<String> schedulerKey();
    }

    Workflow workflow();

    Outbox outbox();

    /** The outbox dispatcher (distribution): every replica runs it. */
    interface Outbox {
        /** Off: this replica neither routes nor delivers events (the others still do). */
        @WithDefault("true")
        boolean dispatchEnabled();

        /** Events a worker hands to a handler at once. */
        @WithDefault("200")
        int batchSize();

        /** Events the router gives their deliveries in one transaction. */
        @WithDefault("2000")
        int routeBatchSize();

        /** How long an idle worker waits before looking again (a write on this replica wakes it sooner). */
        @WithDefault("200ms")
        java.time.Duration pollInterval();

        /** A failed delivery is tried again after base × 2^(attempts − 1), at most {@link #backoffMax()}, with jitter. */
        @WithDefault("1s")
        java.time.Duration backoffBase();

        @WithDefault("10m")
        java.time.Duration backoffMax();

        /** After this many failed attempts the event is parked for that handler, with its last error. */
        @WithDefault("10")
        int maxAttempts();

        /** Events all handlers have handled are deleted once older than this. */
        @WithDefault("168h")
        java.time.Duration retention();

        @WithDefault("10m")
        java.time.Duration pruneInterval();

        /** How often pending counts and ages are read for the metrics and the readiness details. */
        @WithDefault("5s")
        java.time.Duration statsInterval();

        /**
         * How long handlers whose work may trail (the search index) wait while bulk imports keep this replica busy:
         * on a machine shared with Elasticsearch, indexing beside an import took about a quarter of its throughput.
         * After this the handler runs beside the import; 0 never waits.
         */
        @WithDefault("30s")
        java.time.Duration bulkWriteYield();

        /** A handler whose oldest pending event is older than this is named in the readiness details (still UP). */
        @WithDefault("60s")
        java.time.Duration lagThreshold();

        Probe probe();

        /**
         * Probe handlers: they record every event of type {@code outbox.probe} they receive in
         * {@code outbox_probe_delivery} and fail as {@code outbox_probe_rule} tells them. For checking the pipeline
         * end to end on a running hub, and for the dispatcher tests on the packaged hub. None unless named.
         */
        interface Probe {
            /** Names of the probe handlers to register on this replica. */
            Optional<java.util.List<String>> handlers();

            /** Also take every other event type, doing nothing with it: a no-op handler for benchmarks. */
            @WithDefault("false")
            boolean allTypes();
        }
    }

    Delivery delivery();

    interface Delivery {
        /** Where consumers reach this hub: feeds and syndication formats carry absolute links. */
        @WithDefault("http://localhost:8080")
        String publicBaseUrl();

        /**
         * Bytes of finished delivery answers each replica keeps (least useful evicted first); 0 turns the response
         * cache off entirely. 128 MiB holds about 30,000 story answers: 10,000 stories in three languages.
         */
        @WithDefault("134217728")
        long cacheMaxBytes();

        /** Items in a feed. */
        @WithDefault("50")
        int feedSize();

        /** Upserts and tombstones per sync page. */
        @WithDefault("100")
        int syncPageSize();

        /** How long consumers and their caches may reuse an answer before revalidating (Cache-Control max-age). */
        @WithDefault("60")
        int maxAgeSeconds();

        /**
         * How long a cached story detail keeps its related stories at most. A withdrawal drops every cached answer at
         * once (any change of the published view does); this bounds only how late a newly indexed story shows up as
         * related, since the search index catches up a moment after the change that dropped the cache. The related
         * candidates are remembered apart and refreshed in the background once this old (RelatedStoryMemo), so a
         * recomputed detail costs its keyed reads, not a more-like-this query. An hour: each story read within it
         * costs the index one more-like-this query per max age (10–60 ms of search CPU at 10,000 stories), and
         * readers that sweep the archive reach every story.
         */
        @WithDefault("1h")
        java.time.Duration relatedMaxAge();

        /**
         * Background refreshes of related-story candidates a second at most (RelatedStoryMemo); beyond it the
         * remembered candidates are kept another max age. Bounds the search CPU spent keeping related stories fresh;
         * 1 at least.
         */
        @WithDefault("5")
        int relatedRefreshesPerSecond();

        /**
         * Related-story candidate lists remembered at most (one per story, language and consumer scope asked; about
         * 0.6 KB each with five candidates, so the default holds about 30 MB of heap). Beyond it, the least used are
         * asked again.
         */
        @WithDefault("50000")
        long relatedMemoEntries();
    }

    interface Workflow {
        /** How often each replica looks for due timed actions (scheduled publish, embargo lift, expiry). */
        @WithDefault("5s")
        java.time.Duration timedActionsInterval();
    }
}
