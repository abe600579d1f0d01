package org.imagehub.media.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes personal metadata from an MP4/QuickTime file in place: user data ({@code udta}, where phones put the GPS
 * position as {@code ©xyz}, and the owner's or device's name), {@code meta} boxes (iTunes-style tags, XMP) and XMP
 * {@code uuid} boxes become {@code free} boxes of the same size. Only four bytes of each box header change, so every
 * offset in the file — the sample tables point into {@code mdat} by absolute offset — stays valid, nothing is
 * re-muxed, and players skip {@code free} boxes. The bytes of a blanked box are overwritten with zeros as well, so
 * the position is not merely hidden. Walks the top level and the {@code moov}/{@code trak} hierarchy; sample data
 * is never read.
 */
final class VideoMetadataBlanker {
    private static final Set<String> PERSONAL = Set.of("udta", "meta");
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf");
    /** The uuid of XMP packets in ISO base media files (Adobe XMP specification part 3). */
    private static final byte[] XMP_UUID = {(byte) 0xBE, 0x7A, (byte) 0xCF, (byte) 0xCB, (byte) 0x97, (byte) 0xA9, 0x42, (byte) 0xE8,
            (byte) 0x9C, 0x71, (byte) 0x99, (byte) 0x94, (byte) 0x91, (byte) 0xE3, (byte) 0xAF, (byte) 0xAC};
    private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);

    private VideoMetadataBlanker() {
    }

    /** Blanks the metadata boxes of {@code file}; answers how many it blanked (0: the file is unchanged). */
    static int blank(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return walk(channel, 0, channel.size());
        }
    }

    private static int walk(FileChannel channel, long from, long to) throws IOException {
        int blanked = 0;
        long position = from;
        while (position + 8 <= to) {
            ByteBuffer header = ByteBuffer.allocate(16);
            channel.read(header, position);
            header.flip();
            long size = Integer.toUnsignedLong(header.getInt());
            String type = new String(new byte[] {header.get(), header.get(), header.get(), header.get()}, StandardCharsets.ISO_8859_1);
            int headerBytes = 8;
            if (size == 1) {
                if (header.remaining() < 8) {
                    return blanked;
                }
                size = header.getLong();
                headerBytes = 16;
            } else if (size == 0) {
                size = to - position;
            }
            if (size < headerBytes || position + size > to) {
                return blanked; // not a box structure we can trust: leave the rest as it is
            }
            if (PERSONAL.contains(type) || type.equals("uuid") && isXmp(channel, position + headerBytes, size - headerBytes)) {
                overwrite(channel, position, headerBytes, size);
                blanked++;
            } else if (CONTAINERS.contains(type)) {
                blanked += walk(channel, position + headerBytes, position + size);
            }
            position += size;
        }
        return blanked;
    }

    private static boolean isXmp(FileChannel channel, long bodyStart, long bodyBytes) throws IOException {
        if (bodyBytes < XMP_UUID.length) {
            return false;
        }
        ByteBuffer usertype = ByteBuffer.allocate(XMP_UUID.length);
        channel.read(usertype, bodyStart);
        return Arrays.equals(usertype.array(), XMP_UUID);
    }

    /** The box's type becomes {@code free}; its body (and a uuid's usertype) zeros. Its size is kept. */
    private static void overwrite(FileChannel channel, long position, int headerBytes, long size) throws IOException {
        channel.write(ByteBuffer.wrap(FREE), position + 4);
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        for (long at = position + headerBytes; at < position + size; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), position + size - at));
            at += channel.write(zeros, at);
        }
    }
}
