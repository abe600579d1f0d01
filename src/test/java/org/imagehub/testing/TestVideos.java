package org.imagehub.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Minimal MP4 files for upload tests (the machine has no ffmpeg): an {@code ftyp}, a {@code moov} with a movie header
 * (timescale, duration) and one track header (width, height), and an {@code mdat} of the size asked for. Enough
 * for type sniffing and container reading; no decoder could play it.
 */
public final class TestVideos {
    private static final int[] IDENTITY = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

    private TestVideos() {
    }

    /** An MP4 of about {@code totalBytes}; {@code seed} makes the payload (and so the SHA-256) differ between files. */
    public static byte[] mp4(int width, int height, long durationMs, int totalBytes, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(totalBytes + 512);
        out.writeBytes(box("ftyp", ByteBuffer.allocate(16).put(ascii("mp42")).putInt(0).put(ascii("mp42")).put(ascii("isom")).array()));
        out.writeBytes(box("moov", concat(movieHeader(1000, durationMs), box("trak", trackHeader(durationMs, width, height)))));
        byte[] payload = new byte[Math.max(0, totalBytes - out.size() - 8)];
        new Random(seed).nextBytes(payload);
        out.writeBytes(box("mdat", payload));
        return out.toByteArray();
    }

    /**
     * An MP4 whose movie carries user data as a phone writes it: {@code moov/udta/©xyz} with a GPS position (ISO 6709)
     * and {@code moov/meta} with an owner name; the {@code mdat} comes after the {@code moov}, as offsets would point.
     */
    public static byte[] mp4WithGps(int width, int height, long durationMs, int totalBytes, long seed, String position, String owner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(totalBytes + 512);
        out.writeBytes(box("ftyp", ByteBuffer.allocate(16).put(ascii("mp42")).putInt(0).put(ascii("mp42")).put(ascii("isom")).array()));
        byte[] xyzText = position.getBytes(StandardCharsets.UTF_8);
        byte[] xyz = ByteBuffer.allocate(4 + xyzText.length).putShort((short) xyzText.length).putShort((short) 0x15c7).put(xyzText).array();
        byte[] udta = box("udta", boxBytes(new byte[] {(byte) 0xA9, 'x', 'y', 'z'}, xyz));
        byte[] meta = box("meta", concat(new byte[4], box("ownr", owner.getBytes(StandardCharsets.UTF_8))));
        out.writeBytes(box("moov", concat(concat(movieHeader(1000, durationMs), box("trak", trackHeader(durationMs, width, height))),
                concat(udta, meta))));
        byte[] payload = new byte[Math.max(0, totalBytes - out.size() - 8)];
        new Random(seed).nextBytes(payload);
        out.writeBytes(box("mdat", payload));
        return out.toByteArray();
    }

    private static byte[] boxBytes(byte[] type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(type).put(body).array();
    }

    private static byte[] movieHeader(int timescale, long duration) {
        ByteBuffer body = ByteBuffer.allocate(100);
        body.putInt(0).putInt(0).putInt(0).putInt(timescale).putInt((int) duration).putInt(0x00010000).putShort((short) 0x0100)
                .putShort((short) 0).putLong(0);
        for (int value : IDENTITY) {
            body.putInt(value);
        }
        body.put(new byte[24]).putInt(2);
        return box("mvhd", body.array());
    }

    private static byte[] trackHeader(long duration, int width, int height) {
        ByteBuffer body = ByteBuffer.allocate(84);
        body.putInt(0x00000007).putInt(0).putInt(0).putInt(1).putInt(0).putInt((int) duration).putLong(0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (int value : IDENTITY) {
            body.putInt(value);
        }
        body.putInt(width << 16).putInt(height << 16);
        return box("tkhd", body.array());
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(ascii(type)).put(body).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
