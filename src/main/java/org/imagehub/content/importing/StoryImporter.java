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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.imagehub.content.story.StoryInput;
import org.imagehub.content.story.StoryService;
import org.imagehub.content.story.ValidStory;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.imagehub.platform.errors.ProblemCatalog;
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
    static final int CHUNK_CHARS = 8 * 1024 * 1024;
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    /** Threads that check chunks ahead of the writes; daemon, so they never hold the JVM up. */
    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "import-check");
        thread.setDaemon(true);
        return thread;
    });

    private final StoryService stories;
    private final ObjectReader reader;
    private final int maxFailedLines;

    public StoryImporter(StoryService stories, ObjectMapper objectMapper, HubConfig config) {
        this.stories = stories;
        this.reader = objectMapper.readerFor(StoryInput.class);
        this.maxFailedLines = config.limits().importMaxFailedLines();
    }

    private record Checked(int line, ValidStory story) {
    }

    /**
     * Imports every line of {@code body}, handing one result per line to {@code results} in line order as each
     * chunk is done; returns the totals. It holds at most two chunks at a time (each at most {@link #CHUNK} lines and
     * about {@link #CHUNK_CHARS} characters: one being checked while the one before it is written), never the body or
     * the results. After too many failed lines it stops: the rest of the body is read and dropped, so the client can
     * finish sending and read the answer.
     */
    public ImportSummary importStories(InputStream body, Actor editor, Consumer<ImportResult> results) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
        ImportSummary.Counter counter = new ImportSummary.Counter();
        Consumer<ImportResult> counted = result -> {
            counter.count(result);
            results.accept(result);
        };
        List<NdjsonLines.Line> read = new ArrayList<>(CHUNK);
        // The chunk read before, being checked on other threads while this thread writes the one before it.
        CheckedChunk checking = null;
        long chunkChars = 0;
        int lastLine = 0;
        while (true) {
            NdjsonLines.Line line;
            try {
                line = lines.next();
            } catch (PayloadTooLargeException e) {
                ImportSummary stopped = writeFullChunk(checking, editor, counted, counter, body);
                if (stopped != null) {
                    return stopped;
                }
                writeAndFlush(checkLater(read, lastLine), editor, counted);
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
                ImportSummary stopped = writeFullChunk(checking, editor, counted, counter, body);
                if (stopped != null) {
                    return stopped;
                }
                checking = next;
            }
        }
        ImportSummary stopped = writeFullChunk(checking, editor, counted, counter, body);
        if (stopped != null) {
            return stopped;
        }
        writeAndFlush(checkLater(read, lastLine), editor, counted);
        return counter.summary(null);
    }

    /**
     * Writes a full chunk; then, when too many lines have failed, drops the rest of the body and answers the summary
     * to stop with (the lines read after the chunk were only checked, which touched nothing), else null.
     */
    private ImportSummary writeFullChunk(CheckedChunk chunk, Actor editor, Consumer<ImportResult> results, ImportSummary.Counter counter,
            InputStream body) throws IOException {
        if (chunk == null) {
            return null;
        }
        writeAndFlush(chunk, editor, results);
        if (counter.failed() < maxFailedLines) {
            return null;
        }
        drop(body);
        return counter.summary(new ImportSummary.Stopped(chunk.lastLine(),
                counter.failed() + " lines failed; the import stopped at line " + chunk.lastLine() + " and did not read the rest."));
    }

    /** A chunk's check outcomes (a {@link Checked} story or a failed {@link ImportResult} per line), as they become ready. */
    private record CheckedChunk(CompletableFuture<List<Object>> outcomes, int lastLine) {
    }

    /**
     * Starts checking a chunk's lines: parsing, validation, sanitising and the titles' slugs touch no database and are
     * most of a line's time, so they run on every core at once, and while the previous chunk is written (that thread
     * mostly waits on PostgreSQL). The checking thread takes part in its parallel stream; it is not a fork-join worker,
     * which on two cores would leave the stream one thread.
     */
    private CheckedChunk checkLater(List<NdjsonLines.Line> lines, int lastLine) {
        if (lines.isEmpty()) {
            return null;
        }
        return new CheckedChunk(CompletableFuture.supplyAsync(() -> lines.parallelStream().map(this::check).toList(), CHECKS), lastLine);
    }

    /** Writes the chunk's good lines in line order in one transaction, and hands out every line's result in line order. */
    private void writeAndFlush(CheckedChunk checked, Actor editor, Consumer<ImportResult> results) {
        if (checked == null) {
            return;
        }
        List<Object> outcomes;
        try {
            outcomes = checked.outcomes().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<Checked> chunk = new ArrayList<>(outcomes.size());
        List<ImportResult> pending = new ArrayList<>(outcomes.size());
        for (Object outcome : outcomes) {
            if (outcome instanceof Checked good) {
                chunk.add(good);
            } else {
                pending.add((ImportResult) outcome);
            }
        }
        pending.addAll(write(chunk, editor));
        flush(pending, results);
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

    private static void flush(List<ImportResult> pending, Consumer<ImportResult> results) {
        pending.sort(java.util.Comparator.comparingInt(ImportResult::line));
        pending.forEach(results);
        pending.clear();
    }
}
