package org.imagehub.media.video;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Aborts direct uploads never completed: their parts would otherwise stay in storage, invisible and paid for. */
@ApplicationScoped
public class AbandonedUploadSweep {
    private static final Logger LOG = Logger.getLogger(AbandonedUploadSweep.class);

    private final VideoUploads uploads;

    public AbandonedUploadSweep(VideoUploads uploads) {
        this.uploads = uploads;
    }

    @Scheduled(every = "${hub.media.upload-sweep-interval}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            int aborted = uploads.abortExpired();
            if (aborted > 0) {
                LOG.infof("Aborted %d expired direct upload(s)", aborted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Expired uploads not aborted this time: %s", e.getMessage());
        }
    }
}
