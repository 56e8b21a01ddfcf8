package dev.reel.cmaf.cenc;

import dev.reel.cmaf.box.Box;
import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.box.ContainerBox;
import dev.reel.cmaf.box.PayloadReader;
import dev.reel.cmaf.box.TrackFragmentHeader;
import dev.reel.cmaf.box.TrackRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A minimal CENC 'cenc' decryptor for tests. It deliberately finds each sample's IV and subsamples
 * the way Chromium and ffmpeg do, through {@code saiz} sizes and the {@code saio} offset from the
 * start of the moof, not through {@code senc}, so it checks the encryptor's offsets.
 */
final class TestDecryptor {

    private TestDecryptor() {}

    /** Clear samples per track ID, in decode order. */
    static Map<Long, List<byte[]>> decrypt(byte[] segment, byte[] key, int ivSize) throws Exception {
        Map<Long, List<byte[]>> out = new LinkedHashMap<>();
        List<Box> top = Boxes.parse(segment);
        long pos = 0;
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        for (Box box : top) {
            if (box instanceof ContainerBox moof && moof.type().equals("moof")) {
                int moofStart = (int) pos;
                for (Box t : moof.children("traf")) {
                    ContainerBox traf = (ContainerBox) t;
                    TrackFragmentHeader tfhd = TrackFragmentHeader.parse(traf.child("tfhd"));
                    if (!tfhd.has(TrackFragmentHeader.FLAG_DEFAULT_BASE_IS_MOOF)
                            || tfhd.has(TrackFragmentHeader.FLAG_BASE_DATA_OFFSET)) {
                        throw new AssertionError("tfhd not default-base-is-moof");
                    }
                    PayloadReader saiz = PayloadReader.of((dev.reel.cmaf.box.LeafBox) traf.child("saiz"));
                    saiz.skip(4);
                    int defaultInfoSize = saiz.u8();
                    int count = (int) saiz.u32();
                    int[] infoSizes = new int[count];
                    for (int i = 0; i < count; i++) {
                        infoSizes[i] = defaultInfoSize != 0 ? defaultInfoSize : saiz.u8();
                    }
                    PayloadReader saio = PayloadReader.of((dev.reel.cmaf.box.LeafBox) traf.child("saio"));
                    saio.skip(4);
                    if (saio.u32() != 1) {
                        throw new AssertionError("saio entry count");
                    }
                    int auxPos = moofStart + (int) saio.u32();
                    List<byte[]> samples = out.computeIfAbsent(tfhd.trackId(), k -> new ArrayList<>());
                    int sampleIndex = 0;
                    for (Box r : traf.children("trun")) {
                        TrackRun run = TrackRun.parse(r);
                        int dataPos = moofStart + run.dataOffset();
                        for (int s = 0; s < run.sampleCount(); s++) {
                            int size = (int) run.sampleSize(s, tfhd.defaultSampleSize());
                            byte[] sample = Arrays.copyOfRange(segment, dataPos, dataPos + size);
                            PayloadReader aux = new PayloadReader(segment, auxPos, infoSizes[sampleIndex], "aux");
                            byte[] iv = Arrays.copyOf(aux.bytes(ivSize), 16);
                            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
                            if (aux.remaining() > 0) {
                                int n = aux.u16();
                                int p = 0;
                                for (int i = 0; i < n; i++) {
                                    p += aux.u16();
                                    int protectedBytes = (int) aux.u32();
                                    byte[] plain = cipher.update(sample, p, protectedBytes);
                                    if (plain != null) {
                                        System.arraycopy(plain, 0, sample, p, plain.length);
                                    }
                                    p += protectedBytes;
                                }
                                if (p != size) {
                                    throw new AssertionError("subsamples cover " + p + " of " + size + " bytes");
                                }
                            } else {
                                sample = cipher.doFinal(sample);
                            }
                            samples.add(sample);
                            auxPos += infoSizes[sampleIndex];
                            dataPos += size;
                            sampleIndex++;
                        }
                    }
                    if (sampleIndex != count) {
                        throw new AssertionError("saiz count " + count + " != samples " + sampleIndex);
                    }
                }
            }
            pos += box.size();
        }
        return out;
    }
}
