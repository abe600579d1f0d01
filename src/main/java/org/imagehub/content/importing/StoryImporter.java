package org.imagehub.content.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.imagehub.content.story.StoryInput;
import org.imagehub.content.story.StoryService;
import org.imagehub.content.story.ValidStory;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.ProblemCatalog;
import org.imagehub.platform.errors.Problem;
import org.imagehub.security.Editor;

/**
 * Bulk import of stories from NDJSON, one story per line, idempotent by external id. Lines are checked on their
 * own first; the good ones are written in chunks, one transaction each. If a chunk fails on something only the
 * database can see (a slug clash, a race), it is rolled back and its lines are written one by one, so each line
 * is all-or-nothing and one bad line never costs the others.
 */
@ApplicationScoped
public class StoryImporter {
    static final int CHUNK = 100;
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final StoryService stories;
    private final ObjectReader reader;

    public StoryImporter(StoryService stories, ObjectMapper objectMapper) {
        this.stories = stories;
        this.reader = objectMapper.readerFor(StoryInput.class);
    }

    private record Checked(int line, ValidStory story) {
    }

    /** Imports every line of {@code body}, handing one result per line to {@code results} in line order. */
    public void importStories(InputStream body, Editor editor, Consumer<ImportResult> results) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
        List<Checked> chunk = new ArrayList<>(CHUNK);
        List<ImportResult> pending = new ArrayList<>();
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            ImportResult rejected = null;
            if (line.problem() != null) {
                rejected = ImportResult.failed(line.number(), null, line.problem(), List.of());
            } else {
                StoryInput input = null;
                try {
                    input = reader.readValue(line.text());
                    chunk.add(new Checked(line.number(), stories.precheckImport(input)));
                } catch (JsonProcessingException e) {
                    Problem problem = ProblemCatalog.forJson(e, null);
                    rejected = ImportResult.failed(line.number(), null, problem.detail(), problem.errors());
                } catch (DomainException e) {
                    rejected = ImportResult.failed(line.number(), input.externalId(), e.getMessage(), e.errors());
                }
            }
            if (rejected != null) {
                pending.add(rejected);
            }
            if (chunk.size() == CHUNK) {
                pending.addAll(write(chunk, editor));
                chunk.clear();
                flush(pending, results);
            }
        }
        pending.addAll(write(chunk, editor));
        flush(pending, results);
    }

    private List<ImportResult> write(List<Checked> chunk, Editor editor) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Every story of the chunk is locked before any is written, so the chunk never waits for a story
                // while holding the published view's clock (taken when a live story changes): no lock cycle with
                // an editor publishing one of them.
                stories.lockByExternalIds(chunk.stream().map(checked -> checked.story().externalId()).toList());
                List<ImportResult> written = new ArrayList<>();
                for (Checked checked : chunk) {
                    written.add(upsert(checked, editor));
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

    private ImportResult upsert(Checked checked, Editor editor) {
        StoryService.Upserted upserted = stories.upsertByExternalId(checked.story(), editor);
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
