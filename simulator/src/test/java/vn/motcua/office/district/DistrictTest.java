package vn.motcua.office.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.kiosk.procedures.SampleDossier;

class DistrictTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"), ZONE);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final District district = new District("hoang-mai/dinh-cong", ZONE, clock, publisher,
            new DossierDesk(List.of(new SampleDossier("000.30.25.H29-261117-0001", "received", "Đã tiếp nhận", "HT-001"))));

    private void issued(int seq, String ticket, String ts) {
        String service = ticket.substring(0, 1);
        district.handle(ROOT + "printer-1/event/ticket/issued", """
                {"eventId":"printer-1:%d","seq":%d,"type":"ticket.issued","ts":"%s",
                 "data":{"ticket":"%s","service":"%s","number":1,"priority":false,"businessDay":"2026-11-23"}}
                """.formatted(seq, seq, ts, ticket, service));
    }

    private void rated(int seq, int counter, String level, String reason) {
        district.handle(ROOT + "pad-" + counter + "/event/rating/submitted", """
                {"eventId":"pad-%d:%d","seq":%d,"type":"rating.submitted","ts":"2026-11-23T09:10:00.000+07:00",
                 "data":{"counter":%d,"ticket":"A001","level":"%s","reason":%s}}
                """.formatted(counter, seq, seq, counter, level, reason == null ? "null" : "\"" + reason + "\""));
    }

    private void printerEvent(int seq, String type, String data) {
        district.handle(ROOT + "printer-1/event/" + type, """
                {"eventId":"printer-1:%d","seq":%d,"type":"%s","ts":"2026-11-23T09:0%d:00.000+07:00","data":%s}
                """.formatted(seq, seq, type, seq, data));
    }

    @Test
    void a_refusal_is_shown_only_until_the_condition_it_answered_ends() {
        printerEvent(1, "printer.fault", "{\"condition\":\"paper-out\"}");
        printerEvent(2, "ticket.refused", "{\"service\":\"A\",\"reason\":\"paper-out\"}");
        assertThat(district.snapshot().at("/lastRefusal/service").asText()).isEqualTo("A");

        printerEvent(3, "printer.recovered", "{\"condition\":\"paper-out\"}");
        issued(4, "A001", "2026-11-23T09:04:00.000+07:00");
        printerEvent(5, "printer.fault", "{\"condition\":\"cover-open\"}");

        assertThat(district.snapshot().get("lastRefusal").isNull()).isTrue();
    }

    @Test
    void a_ticket_printed_after_a_refusal_ends_it_even_without_a_recovery_event() {
        printerEvent(1, "ticket.refused", "{\"service\":\"B\",\"reason\":\"range-exhausted\"}");
        issued(2, "A001", "2026-11-23T09:02:00.000+07:00");

        assertThat(district.snapshot().get("lastRefusal").isNull()).isTrue();
    }

    @Test
    void publishes_each_services_queue_retained_when_a_ticket_is_issued_and_when_one_is_called() {
        issued(1, "A001", "2026-11-23T09:00:00.000+07:00");
        issued(2, "A002", "2026-11-23T09:00:05.000+07:00");
        issued(3, "B001", "2026-11-23T09:00:09.000+07:00");

        var queueA = publisher.sent.stream().filter(m -> m.topic().equals(ROOT + "queue/A")).toList();
        assertThat(queueA).extracting(m -> m.json().path("waiting").asInt()).containsExactly(1, 2, 2);
        assertThat(queueA).allSatisfy(m -> assertThat(m.retained()).isTrue());
        assertThat(queueA.get(0).json().path("service").asText()).isEqualTo("A");
        assertThat(queueA.get(0).json().path("ts").asText()).isEqualTo("2026-11-23T09:00:00.000+07:00");

        clock.advance(Duration.ofMinutes(4));
        district.callNext(1);
        clock.advance(Duration.ofMinutes(6));
        district.callNext(1);

        var last = publisher.sent.stream().filter(m -> m.topic().equals(ROOT + "queue/A")).reduce((a, b) -> b).orElseThrow();
        assertThat(last.json().path("waiting").asInt()).isZero();
        assertThat(last.json().path("avgServiceSeconds").asLong()).isEqualTo(360);
        assertThat(last.json().path("ts").asText()).isEqualTo("2026-11-23T09:10:00.000+07:00");
    }

    @Test
    void queues_tickets_per_service_and_counts_a_redelivered_event_once() {
        issued(1, "A001", "2026-11-23T09:00:00.000+07:00");
        issued(2, "B001", "2026-11-23T09:00:05.000+07:00");
        issued(1, "A001", "2026-11-23T09:00:00.000+07:00");
        issued(3, "A002", "2026-11-23T09:00:09.000+07:00");

        var snapshot = district.snapshot();
        assertThat(snapshot.at("/waiting/A").toString()).isEqualTo("[\"A001\",\"A002\"]");
        assertThat(snapshot.at("/waiting/B").toString()).isEqualTo("[\"B001\"]");
        assertThat(snapshot.at("/statistics/ticketsToday/A").asInt()).isEqualTo(2);
    }

    @Test
    void call_next_publishes_the_oldest_ticket_retained_on_the_counters_serving_topic() {
        issued(1, "B001", "2026-11-23T09:00:00.000+07:00");
        issued(2, "A001", "2026-11-23T09:00:05.000+07:00");

        district.callNext(2);

        var sent = publisher.lastOn(ROOT + "serving/");
        assertThat(sent.topic()).isEqualTo(ROOT + "serving/2");
        assertThat(sent.retained()).isTrue();
        assertThat(sent.json().path("counter").asInt()).isEqualTo(2);
        assertThat(sent.json().path("ticket").asText()).isEqualTo("B001");
        assertThat(sent.json().path("ts").asText()).isEqualTo("2026-11-23T09:00:00.000+07:00");
        assertThat(district.snapshot().at("/waiting/B").size()).isZero();
    }

    @Test
    void recall_publishes_the_same_ticket_with_a_new_time_and_close_publishes_a_null_ticket() {
        issued(1, "A001", "2026-11-23T08:59:00.000+07:00");
        district.callNext(1);
        clock.advance(Duration.ofSeconds(30));

        district.recall(1);
        assertThat(publisher.last().json().path("ticket").asText()).isEqualTo("A001");
        assertThat(publisher.last().json().path("ts").asText()).isEqualTo("2026-11-23T09:00:30.000+07:00");

        district.close(1);
        assertThat(publisher.last().topic()).isEqualTo(ROOT + "serving/1");
        assertThat(publisher.last().retained()).isTrue();
        assertThat(publisher.last().json().path("ticket").isNull()).isTrue();
    }

    @Test
    void call_next_with_nobody_waiting_publishes_nothing() {
        assertThat(district.callNext(1)).isEmpty();
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void opening_the_counters_publishes_each_one_closed() {
        district.openCounters(3);
        assertThat(publisher.sent).extracting(RecordingPublisher.Sent::topic)
                .containsExactly(ROOT + "serving/1", ROOT + "serving/2", ROOT + "serving/3");
    }

    @Test
    void averages_the_wait_from_issue_to_call_and_the_service_time_between_calls() {
        issued(1, "A001", "2026-11-23T08:58:00.000+07:00");
        issued(2, "A002", "2026-11-23T08:59:00.000+07:00");
        district.callNext(1);
        clock.advance(Duration.ofMinutes(4));
        district.callNext(1);
        clock.advance(Duration.ofMinutes(2));
        district.close(1);

        var stats = district.snapshot().path("statistics");
        assertThat(stats.path("averageWaitSeconds").asDouble()).isEqualTo((120 + 300) / 2.0);
        assertThat(stats.path("averageServiceSeconds").asDouble()).isEqualTo((240 + 120) / 2.0);
        assertThat(stats.path("served").asInt()).isEqualTo(2);
    }

    @Test
    void computes_rating_shares_per_counter_and_overall_and_counts_reasons() {
        rated(1, 1, "very-satisfied", null);
        rated(2, 1, "very-satisfied", null);
        rated(3, 1, "unsatisfied", "time");
        rated(1, 2, "satisfied", null);
        rated(1, 2, "satisfied", null);

        var stats = district.snapshot().path("statistics");
        assertThat(stats.at("/ratings/byCounter/1/count").asInt()).isEqualTo(3);
        assertThat(stats.at("/ratings/byCounter/1/shares/very-satisfied").asDouble()).isEqualTo(0.667);
        assertThat(stats.at("/ratings/byCounter/1/shares/unsatisfied").asDouble()).isEqualTo(0.333);
        assertThat(stats.at("/ratings/overall/count").asInt()).isEqualTo(4);
        assertThat(stats.at("/ratings/overall/shares/satisfied").asDouble()).isEqualTo(0.25);
        assertThat(stats.at("/reasons/time").asInt()).isEqualTo(1);
    }

    @Test
    void counts_only_todays_tickets_in_the_office_timezone() {
        district.handle(ROOT + "printer-1/event/ticket/issued", """
                {"eventId":"printer-1:9","seq":9,"type":"ticket.issued","ts":"2026-11-22T16:00:00.000+07:00",
                 "data":{"ticket":"C007","service":"C","number":7,"priority":false,"businessDay":"2026-11-22"}}
                """);
        issued(10, "C001", "2026-11-23T08:00:00.000+07:00");

        assertThat(district.snapshot().at("/statistics/ticketsToday/C").asInt()).isEqualTo(1);
    }

    @Test
    void answers_a_dossier_lookup_on_the_asking_kiosks_response_topic() {
        district.handle(ROOT + "dossier/request",
                "{\"requestId\":\"r1\",\"deviceId\":\"kiosk-lookup\",\"code\":\"000.30.25.H29-261117-0001\"}");
        var answer = publisher.last();
        assertThat(answer.topic()).isEqualTo(ROOT + "kiosk-lookup/dossier/response");
        assertThat(answer.json().path("requestId").asText()).isEqualTo("r1");
        assertThat(answer.json().path("found").asBoolean()).isTrue();
        assertThat(answer.json().path("status").asText()).isEqualTo("received");
        assertThat(answer.json().path("statusText").asText()).isEqualTo("Đã tiếp nhận");

        district.handle(ROOT + "dossier/request", "{\"requestId\":\"r2\",\"deviceId\":\"kiosk-lookup\",\"code\":\"NOPE-123\"}");
        assertThat(publisher.last().json().path("found").asBoolean()).isFalse();
        assertThat(publisher.last().json().path("code").asText()).isEqualTo("NOPE-123");
    }

    @Test
    void offers_one_sample_code_of_each_dossier_status() {
        DossierDesk desk = new DossierDesk(List.of(
                new SampleDossier("B-000002", "ready", "Đã có kết quả", "HT-002"),
                new SampleDossier("A-000001", "ready", "Đã có kết quả", "HT-001"),
                new SampleDossier("C-000003", "processing", "Đang giải quyết", "HT-003")));
        assertThat(desk.samples()).containsExactly("C-000003", "A-000001");
    }

    @Test
    void tracks_devices_online_from_retained_states_and_ignores_a_stale_will() {
        district.handle(ROOT + "pad-1/state", "{\"status\":\"online\",\"kind\":\"rating-pad\",\"session\":5}");
        district.handle(ROOT + "pad-1/state", "{\"status\":\"offline\",\"reason\":\"lost\",\"session\":4}");
        assertThat(district.devices().online("pad-1")).isTrue();

        district.handle(ROOT + "pad-1/telemetry", "{\"outboxDepth\":3,\"hardware\":{\"buttons\":\"ok\"}}");
        district.handle(ROOT + "pad-1/state", "{\"status\":\"offline\",\"reason\":\"shutdown\",\"session\":5}");

        var device = district.snapshot().at("/devices/pad-1");
        assertThat(device.path("online").asBoolean()).isFalse();
        assertThat(device.path("reason").asText()).isEqualTo("shutdown");
        assertThat(device.at("/telemetry/outboxDepth").asInt()).isEqualTo(3);
    }

    private void ratedWithoutTicket(int seq, int counter, String level, String reason) {
        district.handle(ROOT + "pad-" + counter + "/event/rating/submitted", """
                {"eventId":"pad-%d:%d","seq":%d,"type":"rating.submitted","ts":"2026-11-23T09:10:00.000+07:00",
                 "data":{"counter":%d,"ticket":null,"level":"%s","reason":%s}}
                """.formatted(counter, seq, seq, counter, level, reason == null ? "null" : "\"" + reason + "\""));
    }

    @Test
    void a_ticket_counts_as_served_once_its_counter_calls_the_next_one_or_closes_not_when_it_is_called() {
        issued(1, "A001", "2026-11-23T08:58:00.000+07:00");
        issued(2, "A002", "2026-11-23T08:59:00.000+07:00");
        district.callNext(1);
        var stats = district.snapshot().path("statistics");
        assertThat(stats.path("served").asInt()).isZero();
        assertThat(stats.path("inService").asInt()).isEqualTo(1);

        district.recall(1);
        assertThat(district.snapshot().at("/statistics/served").asInt()).as("a recall serves nobody").isZero();
        district.callNext(1);
        assertThat(district.snapshot().at("/statistics/served").asInt()).isEqualTo(1);
        district.close(1);
        stats = district.snapshot().path("statistics");
        assertThat(stats.path("served").asInt()).isEqualTo(2);
        assertThat(stats.path("inService").asInt()).isZero();
        district.close(1);
        assertThat(district.snapshot().at("/statistics/served").asInt()).as("closing a closed counter").isEqualTo(2);
    }

    @Test
    void ratings_sent_with_no_ticket_are_kept_apart_from_ratings_of_a_served_ticket() {
        rated(1, 1, "very-satisfied", null);
        ratedWithoutTicket(2, 1, "unsatisfied", "attitude");
        ratedWithoutTicket(3, 2, "unsatisfied", null);

        var ratings = district.snapshot().at("/statistics/ratings");
        assertThat(ratings.at("/overall/count").asInt()).isEqualTo(1);
        assertThat(ratings.at("/overall/shares/very-satisfied").asDouble()).isEqualTo(1.0);
        assertThat(ratings.at("/byCounter/1/count").asInt()).isEqualTo(1);
        assertThat(ratings.has("byCounter") && ratings.path("byCounter").has("2")).isFalse();
        assertThat(ratings.at("/withoutTicket/count").asInt()).isEqualTo(2);
        assertThat(ratings.at("/withoutTicket/shares/unsatisfied").asDouble()).isEqualTo(1.0);
        assertThat(ratings.at("/withoutTicket/reasons/attitude").asInt()).isEqualTo(1);
        assertThat(district.snapshot().at("/statistics/reasons").has("attitude")).isFalse();
    }

    @Test
    void the_hall_headline_is_the_newest_call_a_counter_still_serves() {
        issued(1, "A001", "2026-11-23T08:58:00.000+07:00");
        issued(2, "A002", "2026-11-23T08:59:00.000+07:00");
        assertThat(district.snapshot().path("headline").isNull()).isTrue();
        district.callNext(1);
        clock.advance(Duration.ofSeconds(10));
        district.callNext(2);
        assertThat(district.snapshot().at("/headline/ticket").asText()).isEqualTo("A002");

        district.close(2);
        assertThat(district.snapshot().at("/headline/ticket").asText()).isEqualTo("A001");
        assertThat(district.snapshot().at("/headline/counter").asInt()).isEqualTo(1);
        district.close(1);
        assertThat(district.snapshot().path("headline").isNull()).as("every counter closed").isTrue();
        assertThat(district.snapshot().path("calls").size()).as("the calls stay as history").isEqualTo(2);
    }
}
