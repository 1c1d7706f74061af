package vn.motcua.kiosk.announce;

import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/** The two-note "ding-dong" played before each call, generated as 16-bit PCM (no audio device needed). */
public final class Chime {
    static final double[] NOTES_HZ = {880.0, 659.25};
    static final double NOTE_SECONDS = 0.35;
    static final double GAP_SECONDS = 0.15;
    static final double AMPLITUDE = 0.5;

    private Chime() {
    }

    /** The chime as 16-bit signed little-endian PCM at the given sample rate and channel count. */
    public static AudioInputStream create(float sampleRate, int channels) {
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        int noteFrames = (int) (sampleRate * NOTE_SECONDS);
        int gapFrames = (int) (sampleRate * GAP_SECONDS);
        int frames = NOTES_HZ.length * noteFrames + gapFrames;
        byte[] pcm = new byte[frames * channels * 2];
        for (int note = 0; note < NOTES_HZ.length; note++) {
            int start = note * noteFrames;
            for (int i = 0; i < noteFrames; i++) {
                double t = i / (double) sampleRate;
                double envelope = Math.min(1.0, i / (sampleRate * 0.01)) * Math.exp(-4.0 * t);
                double value = AMPLITUDE * envelope * (Math.sin(2 * Math.PI * NOTES_HZ[note] * t)
                        + 0.25 * Math.sin(4 * Math.PI * NOTES_HZ[note] * t)) / 1.25;
                short sample = (short) Math.round(value * Short.MAX_VALUE);
                for (int c = 0; c < channels; c++) {
                    int at = ((start + i) * channels + c) * 2;
                    pcm[at] = (byte) sample;
                    pcm[at + 1] = (byte) (sample >> 8);
                }
            }
        }
        return new AudioInputStream(new ByteArrayInputStream(pcm), format, frames);
    }

    /** The chime in the format of other audio it will be joined to (which must be 16-bit signed PCM). */
    public static AudioInputStream matching(AudioFormat other) {
        return create(other.getSampleRate(), other.getChannels());
    }
}
