package org.imagehub.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Media settings ({@code hub.media.*}): upload limits per kind, the decoded-size limit, rendition retries. */
@ConfigMapping(prefix = "hub.media")
public interface MediaConfig {
    /** Largest image upload, in bytes (413 over it). */
    @WithDefault("52428800")
    long imageMaxBytes();

    /** Largest document (PDF) upload, in bytes (413 over it); 250 MiB, under hub.limits.multipart-body-bytes. */
    @WithDefault("262144000")
    long documentMaxBytes();

    /** Largest video sent through the hub, in bytes; bigger videos go straight to storage by presigned upload. */
    @WithDefault("262144000")
    long videoMaxBytes();

    /**
     * Most pixels (width × height, read from the header before anything is decoded) an image may have: a
     * 100,000 × 100,000 PNG of a few kilobytes would need 40 GB decoded. 50 MP by default.
     */
    @WithDefault("50000000")
    long maxPixels();

    /** A pending rendition set whose request is older than this is asked for again (after an outage, say). */
    @WithDefault("2m")
    Duration renditionRetryAfter();

    /** How often the pending rendition sets are looked at. */
    @WithDefault("30s")
    String renditionRetryInterval();

    /** How often the orphan sweep runs (objects without a row, rows without an object); "off" disables it. */
    @WithDefault("6h")
    String orphanSweepInterval();

    /** An object without a row is only removed once older than this (an upload may be between store and commit). */
    @WithDefault("1h")
    Duration orphanGrace();

    /** Largest video uploaded straight to storage by presigned multipart upload (413 at init and, measured, at complete). */
    @WithDefault("5368709120")
    long videoDirectMaxBytes();

    /** Size of each part of a presigned multipart upload (S3 wants at least 5 MiB for every part but the last). */
    @WithDefault("16777216")
    long uploadPartBytes();

    /** How long the presigned part URLs are valid, and after how long an unfinished upload is aborted. */
    @WithDefault("24h")
    Duration uploadExpiry();

    /** How often expired multipart uploads are aborted; "off" disables it. */
    @WithDefault("15m")
    String uploadSweepInterval();

    /**
     * The S3 endpoint as clients outside see it (e.g. https://media-upload.example.org), used only to sign the part URLs;
     * the hub itself keeps talking to {@code hub.storage.endpoint}. Unset: the part URLs name {@code hub.storage.endpoint}.
     */
    Optional<String> publicS3Endpoint();

    /** Memory for the bytes of hot public files (renditions), so they are served without a storage round trip; 0: none. */
    @WithDefault("33554432")
    long fileCacheMaxBytes();

    /** Files bigger than this are streamed from storage on every request instead of kept in memory. */
    @WithDefault("1048576")
    long fileCacheMaxEntryBytes();
}
