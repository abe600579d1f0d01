package org.imagehub.media.video;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.tika.Tika;
import org.imagehub.media.image.SniffedFile;
import org.imagehub.media.image.UnsupportedMediaException;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;

/**
 * What a directly uploaded video really is: its type sniffed by Tika from its first bytes (never the declared type or
 * name), then its duration and picture size read from the ISO/QuickTime container's movie and track headers.
 */
@ApplicationScoped
public class VideoInspector {
    /** Bytes Tika needs to see: the {@code ftyp} box comes first in every MP4/MOV. */
    public static final int SNIFF_BYTES = 4096;

    /** The videos accepted, with the extension of their object key. */
    public static final Map<String, String> ACCEPTED = Map.of("video/mp4", "mp4", "video/quicktime", "mov");

    private final Tika tika = new Tika();

    /** The sniffed type of the object's first bytes; 415 naming it unless it is an accepted video type. */
    public String sniff(InputStream head) {
        String type;
        try (head) {
            type = tika.detect(head);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!ACCEPTED.containsKey(type)) {
            throw new UnsupportedMediaException(type, "direct uploads accept MP4 and QuickTime video only");
        }
        return type;
    }

    /** Duration and picture size from the container; 415 when it has no readable movie header or no picture track. */
    public Video read(Path file, String mediaType) {
        try (IsoFile iso = new IsoFile(file.toFile())) {
            MovieBox movie = iso.getMovieBox();
            MovieHeaderBox header = movie == null ? null : movie.getMovieHeaderBox();
            if (header == null || header.getTimescale() <= 0) {
                throw new UnsupportedMediaException(mediaType, "the container has no readable movie header (moov/mvhd)");
            }
            long durationMs = header.getDuration() * 1000 / header.getTimescale();
            for (TrackBox track : movie.getBoxes(TrackBox.class)) {
                TrackHeaderBox trackHeader = track.getTrackHeaderBox();
                if (trackHeader != null && trackHeader.getWidth() > 0 && trackHeader.getHeight() > 0) {
                    return new Video(new SniffedFile(mediaType, "video", ACCEPTED.get(mediaType), (int) Math.round(trackHeader.getWidth()),
                            (int) Math.round(trackHeader.getHeight())), durationMs);
                }
            }
            throw new UnsupportedMediaException(mediaType, "the container has no picture track");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnsupportedMediaException refused) {
                throw refused;
            }
            throw new UnsupportedMediaException(mediaType, "the container cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A video as read from its bytes. */
    public record Video(SniffedFile what, long durationMs) {
    }
}
