package vn.motcua.kiosk.procedures;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import vn.motcua.common.json.Json;

/** The built-in sample of real commune and district procedures, and larger realistic catalogs made from it. */
public final class SampleCatalogs {
    static final String RESOURCE = "/vn/motcua/kiosk/sample-procedures.json";

    private static final List<String> VARIANTS = List.of(
            " (thực hiện tại cấp xã)",
            " (thực hiện tại cấp huyện)",
            " (liên thông)",
            " - dịch vụ công trực tuyến toàn trình",
            " - dịch vụ công trực tuyến một phần",
            " (tiếp nhận qua dịch vụ bưu chính công ích)",
            " tại phường Định Công",
            " tại phường Đại Kim",
            " tại phường Hoàng Liệt",
            " tại phường Tương Mai",
            " tại xã Yên Mỹ",
            " tại xã Thanh Liệt");

    private SampleCatalogs() {
    }

    /** The sample procedures (about 200, ids like {@code HT-001}) from the module's resources. */
    public static List<Procedure> sample() {
        try (InputStream in = SampleCatalogs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Procedure> list = new ArrayList<>();
            for (JsonNode p : Json.parse(in.readAllBytes())) {
                list.add(Procedure.fromJson(p));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static ProcedureCatalog sampleCatalog() {
        return ProcedureCatalog.of(sample());
    }

    /**
     * A catalog of {@code n} procedures: the sample first, then variants of it by level, channel and ward
     * (ids like {@code HT-001-03}); the same seed gives the same catalog.
     */
    public static ProcedureCatalog generate(int n, long seed) {
        List<Procedure> base = sample();
        if (n < 0 || n > base.size() * (VARIANTS.size() + 1)) {
            throw new IllegalArgumentException("cannot generate " + n + " procedures from "
                    + base.size() + " samples and " + VARIANTS.size() + " variants each");
        }
        Random random = new Random(seed);
        List<List<String>> suffixes = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            List<String> order = new ArrayList<>(VARIANTS);
            Collections.shuffle(order, random);
            suffixes.add(order);
        }
        List<Procedure> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int round = k / base.size();
            Procedure p = base.get(k % base.size());
            if (round == 0) {
                result.add(p);
                continue;
            }
            String suffix = suffixes.get(k % base.size()).get(round - 1);
            int days = Math.max(0, p.durationDays() + random.nextInt(3) - 1);
            result.add(new Procedure(String.format("%s-%02d", p.id(), round), p.title() + suffix, p.field(),
                    days, p.fee(), p.documents()));
        }
        return ProcedureCatalog.of(result);
    }
}
