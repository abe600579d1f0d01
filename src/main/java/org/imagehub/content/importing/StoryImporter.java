package org.imagehub.content.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.imagehub.content.story.StoryInput;
import org.imagehub.content.story.StoryService;
import org.imagehub.content.story.ValidStory;
import org.imagehub.platform.BulkWrites;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.imagehub.platform.errors.ProblemCatalog;
import org.imagehub.platform.http.RequestIds;
import org.imagehub.platform.errors.Problem;
import org.imagehub.security.Actor;

/**
 * Bulk import of stories from NDJSON, one story per line, idempotent by external id. Lines are checked on their
 * own first; the good ones are written in chunks, one transaction each. If a chunk fails on something only the
 * database can see (a slug clash, a race), it is rolled back and its lines are written one by one, so each line
 * is all-or-nothing and one bad line never costs the others.
 */
@ApplicationScoped
public class StoryImporter {
    static final int CHUNK = 100;
    /** A chunk is also closed once its lines hold this many characters, so a chunk of large stories stays small. */
    static final int CHUNK_CHARS = 4 * 1024 * 1024;
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    /** Threads that check chunks ahead of the writes; daemon, so they never hold the JVM up. */
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(daemonThreads("import-check"));
    /** Threads that write chunks, two at a time per import ({@link Writes}). */
    private static final ExecutorService WRITES = Executors.newCachedThreadPool(daemonThreads("import-write"));

    private final StoryService stories;
    private final ObjectReader reader;
    private final int maxFailedLines;
    private final BulkWrites bulkWrites;

    public StoryImporter(StoryService stories, ObjectMapper objectMapper, HubConfig config, BulkWrites bulkWrites) {
        this.stories = stories;
        this.bulkWrites = bulkWrites;
        this.reader = objectMapper.readerFor(StoryInput.class);
        this.maxFailedLines = config.limits().importMaxFailedLines();
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Checked(int line, ValidStory story) {
    }

    /**
     * Imports every line of {@code body}, handing one result per line to {@code results} in line order as each
     * chunk is done; returns the totals. It holds at most four chunks at a time (each at most {@link #CHUNK} lines and
     * about {@link #CHUNK_CHARS} characters: one being read, one being checked and two being written), never the body
     * or the results. After too many failed lines it stops: the rest of the body is read and dropped, so the client
     * can finish sending and read the answer.
     */
    public ImportSummary importStories(InputStream body, Actor editor, Consumer<ImportResult> results) throws IOException {
        try (BulkWrites.Running running = bulkWrites.begin()) {
            return importAll(body, editor, results);
        }
    }

    private ImportSummary importAll(InputStream body, Actor editor, Consumer<ImportResult> results) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
        ImportSummary.Counter counter = new ImportSummary.Counter();
        Writes writes = new Writes(editor, result -> {
            counter.count(result);
            results.accept(result);
        }, counter);
        List<NdjsonLines.Line> read = new ArrayList<>(CHUNK);
        // The chunk read before, being checked on other threads while the ones before it are written.
        CheckedChunk checking = null;
        long chunkChars = 0;
        int lastLine = 0;
        while (true) {
            NdjsonLines.Line line;
            try {
                line = lines.next();
            } catch (PayloadTooLargeException e) {
                ImportSummary stopped = writes.submitOrStop(checking, body);
                if (stopped != null) {
                    return stopped;
                }
                writes.submit(checkLater(read, lastLine));
                writes.finish();
                return counter.summary(new ImportSummary.Stopped(lastLine, e.getMessage()));
            }
            if (line == null) {
                break;
            }
            lastLine = line.number();
            read.add(line);
            chunkChars += line.text() == null ? 0 : line.text().length();
            if (read.size() == CHUNK || chunkChars >= CHUNK_CHARS) {
                CheckedChunk next = checkLater(read, lastLine);
                read = new ArrayList<>(CHUNK);
                chunkChars = 0;
                ImportSummary stopped = writes.submitOrStop(checking, body);
                if (stopped != null) {
                    return stopped;
                }
                checking = next;
            }
        }
        ImportSummary stopped = writes.submitOrStop(checking, body);
        if (stopped != null) {
            return stopped;
        }
        writes.submit(checkLater(read, lastLine));
        writes.finish();
        return counter.summary(null);
    }

    /** A chunk's check outcomes (a {@link Checked} story or a failed {@link ImportResult} per line), as they become ready. */
    private record CheckedChunk(CompletableFuture<List<Object>> outcomes, int lastLine) {
    }

    /**
     * Starts checking a chunk's lines: parsing, validation, sanitising and the titles' slugs touch no database and are
     * most of a line's time, so they run on every core at once, and while the chunks before are written (those threads
     * mostly wait on PostgreSQL). The checking thread takes part in its parallel stream; it is not a fork-join worker,
     * which on two cores would leave the stream one thread.
     */
    private CheckedChunk checkLater(List<NdjsonLines.Line> lines, int lastLine) {
        if (lines.isEmpty()) {
            return null;
        }
        return new CheckedChunk(CompletableFuture.supplyAsync(() -> lines.parallelStream().map(this::check).toList(), CHECKS), lastLine);
    }

    /**
     * One import's chunk writes, each in its own transaction, two at a time: while one waits on PostgreSQL the other
     * does the hub's part of its write (a warm hub imported ~1,580 localizations/s one chunk at a time, 1,670–1,850 with
     * two). Two chunks that share an external id or a wanted slug are never written at once: the later one waits for
     * the earlier, so the later line of a story still wins and their slugs cannot clash. Results are handed out in line
     * order, by the request's thread. Once too many lines have failed no further chunk is started; a chunk already
     * being written is finished and reported.
     */
    private final class Writes {
        private final Actor editor;
        private final Consumer<ImportResult> results;
        private final ImportSummary.Counter counter;
        /** The import request's id, for the audit entries and events the writer threads record. */
        private final String requestId = RequestIds.current();
        /** The chunk being written while the next one starts, or null. */
        private Writing writing;

        Writes(Actor editor, Consumer<ImportResult> results, ImportSummary.Counter counter) {
            this.editor = editor;
            this.results = results;
            this.counter = counter;
        }

        /** A checked chunk: its good lines, the results of the lines that failed their checks, and what it claims. */
        private record Prepared(List<Checked> good, List<ImportResult> failedChecks, Set<String> claims, int lastLine) {
        }

        private record Writing(CompletableFuture<List<ImportResult>> written, Prepared chunk) {
        }

        /**
         * Starts writing a full chunk; when too many lines have failed by then, drops the rest of the body and answers
         * the summary to stop with (lines read after the last chunk written were only checked, which touched nothing),
         * else null.
         */
        ImportSummary submitOrStop(CheckedChunk chunk, InputStream body) throws IOException {
            if (chunk == null) {
                return null;
            }
            Prepared next = prepare(chunk);
            if (mustWaitFor(next)) {
                int lastWritten = handOut(writing);
                writing = null;
                if (tooManyFailed()) {
                    return stop(lastWritten, body);
                }
            }
            Writing started = start(next);
            if (writing != null) {
                handOut(writing);
                if (tooManyFailed()) {
                    writing = null;
                    return stop(handOut(started), body);
                }
            }
            writing = started;
            return null;
        }

        /** Starts writing the last chunk, whatever has failed before. */
        void submit(CheckedChunk chunk) {
            if (chunk == null) {
                return;
            }
            Prepared next = prepare(chunk);
            if (mustWaitFor(next)) {
                handOut(writing);
                writing = null;
            }
            Writing started = start(next);
            if (writing != null) {
                handOut(writing);
            }
            writing = started;
        }

        /** Waits for the chunk still being written and hands out its results. */
        void finish() {
            if (writing != null) {
                handOut(writing);
                writing = null;
            }
        }

        /** Whether the chunk being written must be done before {@code next} starts: it is (nothing to overlap), or they share a claim. */
        private boolean mustWaitFor(Prepared next) {
            return writing != null && (writing.written().isDone() || !Collections.disjoint(writing.chunk().claims(), next.claims()));
        }

        private boolean tooManyFailed() {
            return counter.failed() >= maxFailedLines;
        }

        private ImportSummary stop(int lastWritten, InputStream body) throws IOException {
            drop(body);
            return counter.summary(new ImportSummary.Stopped(lastWritten,
                    counter.failed() + " lines failed; the import stopped at line " + lastWritten + " and did not read the rest."));
        }

        private Prepared prepare(CheckedChunk chunk) {
            List<Object> outcomes = joined(chunk.outcomes());
            List<Checked> good = new ArrayList<>(outcomes.size());
            List<ImportResult> failedChecks = new ArrayList<>();
            Set<String> claims = new HashSet<>();
            for (Object outcome : outcomes) {
                if (outcome instanceof Checked checked) {
                    good.add(checked);
                    claims.addAll(claims(checked.story()));
                } else {
                    failedChecks.add((ImportResult) outcome);
                }
            }
            return new Prepared(good, failedChecks, claims, chunk.lastLine());
        }

        private Writing start(Prepared chunk) {
            return new Writing(chunk.good().isEmpty() ? CompletableFuture.completedFuture(List.of())
                    : CompletableFuture.supplyAsync(() -> RequestIds.onBehalfOf(requestId, () -> write(chunk.good(), editor)), WRITES), chunk);
        }

        /** Waits for the chunk's write, hands out all its lines' results in line order; answers its last line. */
        private int handOut(Writing done) {
            List<ImportResult> chunkResults = new ArrayList<>(done.chunk().failedChecks());
            chunkResults.addAll(joined(done.written()));
            chunkResults.sort(Comparator.comparingInt(ImportResult::line));
            chunkResults.forEach(results);
            return done.chunk().lastLine();
        }
    }

    /**
     * What a story claims while its chunk is written: its external id and its localizations' wanted slugs (given, or
     * derived from the title).
     */
    private static List<String> claims(ValidStory story) {
        List<String> claims = new ArrayList<>(1 + story.localizations().size());
        claims.add("story " + story.organisation() + " " + story.externalId());
        for (ValidStory.ValidLocalization localization : story.localizations()) {
            claims.add("slug " + localization.lang() + " " + (localization.slug() != null ? localization.slug() : localization.titleSlug()));
        }
        return claims;
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The line as a {@link Checked} story, or the {@link ImportResult} saying why it is rejected. */
    private Object check(NdjsonLines.Line line) {
        if (line.problem() != null) {
            return ImportResult.failed(line.number(), null, line.problem(), line.errors());
        }
        if (!line.text().startsWith("{")) {
            // null, arrays, numbers and strings are valid JSON but no story; reading them would give no StoryInput.
            return ImportResult.failed(line.number(), null, "Each line must be a JSON object (one story).",
                    List.of(new FieldError("line", "not-an-object", "must be a JSON object")));
        }
        StoryInput input = null;
        try {
            input = reader.readValue(line.text());
            return new Checked(line.number(), stories.precheckImport(input));
        } catch (JsonProcessingException e) {
            Problem problem = ProblemCatalog.forJson(e, null);
            return ImportResult.failed(line.number(), null, problem.detail(), problem.errors());
        } catch (DomainException e) {
            return ImportResult.failed(line.number(), input == null ? null : input.externalId(), e.getMessage(), e.errors());
        }
    }

    private static void drop(InputStream body) throws IOException {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (PayloadTooLargeException overLimit) {
            // Nothing more to read: the connection closes after the answer.
        }
    }

    private List<ImportResult> write(List<Checked> chunk, Actor editor) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Every story of the chunk is locked before any is written, so the chunk never waits for a story
                // while holding the published view's clock (taken when a live story changes): no lock cycle with
                // an editor publishing one of them.
                stories.lockByExternalIds(chunk.stream().map(checked -> checked.story().externalId()).toList());
                List<StoryService.Upserted> upserted = stories.upsertAllByExternalId(chunk.stream().map(Checked::story).toList(), editor);
                List<ImportResult> written = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    written.add(result(chunk.get(i), upserted.get(i)));
                }
                return written;
            });
        } catch (RuntimeException chunkFailed) {
            List<ImportResult> written = new ArrayList<>();
            for (Checked checked : chunk) {
                try {
                    written.add(QuarkusTransaction.requiringNew().call(() -> upsert(checked, editor)));
                } catch (DomainException e) {
                    written.add(ImportResult.failed(checked.line(), checked.story().externalId(), e.getMessage(), e.errors()));
                } catch (RuntimeException e) {
                    DomainException domain = domainCause(e);
                    written.add(domain != null
                            ? ImportResult.failed(checked.line(), checked.story().externalId(), domain.getMessage(), domain.errors())
                            : ImportResult.failed(checked.line(), checked.story().externalId(), "could not be stored", List.of()));
                }
            }
            return written;
        }
    }

    private ImportResult upsert(Checked checked, Actor editor) {
        return result(checked, stories.upsertByExternalId(checked.story(), editor));
    }

    private static ImportResult result(Checked checked, StoryService.Upserted upserted) {
        return new ImportResult(checked.line(), checked.story().externalId(), upserted.outcome().name().toLowerCase(java.util.Locale.ROOT),
                upserted.id(), null, List.of());
    }

    private static DomainException domainCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }
}
