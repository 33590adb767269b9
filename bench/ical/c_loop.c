/* The same feed as `clusterplan-bench ical`, built by a plain C loop over libical.
 * Usage: c_loop EVENTS.tsv  -> prints the best of 3 in-process times in ms.
 * Each TSV row: uid dtstart dtend dtstamp sequence summary description location category status
 * organizer-cn organizer-email url; a 0x01 byte inside a field stands for a newline. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { FIELDS = 13 };

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static void add_text(icalcomponent *c, icalproperty *p) { icalcomponent_add_property(c, p); }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: c_loop EVENTS.tsv\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc(size + 1);
    if (fread(data, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    data[size] = 0;
    fclose(f);

    size_t rows = 0;
    for (long i = 0; i < size; i++) if (data[i] == '\n') rows++;
    char *(*row)[FIELDS] = calloc(rows, sizeof *row);
    size_t r = 0;
    for (char *line = strtok(data, "\n"); line && r < rows; line = strtok(NULL, "\n"), r++) {
        char *field = line;
        for (int k = 0; k < FIELDS; k++) {
            char *tab = strchr(field, '\t');
            if (tab) *tab = 0;
            for (char *s = field; *s; s++) if (*s == 1) *s = '\n';
            row[r][k] = field;
            field = tab ? tab + 1 : field + strlen(field);
        }
    }
    rows = r;

    icaltimezone *zone = icaltimezone_get_builtin_timezone("Europe/Moscow");
    double best = 1e30;
    size_t bytes = 0;
    for (int run = 0; run < 3; run++) {
        double start = now_ms();
        size_t capacity = 1 << 20, length = 0;
        char *out = malloc(capacity);

        icalcomponent *cal = icalcomponent_new_vcalendar();
        icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
        icalcomponent_add_property(cal, icalproperty_new_prodid("-//ClusterPlan//ClusterPlan//RU"));
        icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
        icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
        icalcomponent_add_property(cal, icalproperty_new_name("Синтетический район"));
        icalproperty *calname = icalproperty_new_x("Синтетический район");
        icalproperty_set_x_name(calname, "X-WR-CALNAME");
        icalcomponent_add_property(cal, calname);
        icalproperty *refresh = icalproperty_new_refreshinterval(icaldurationtype_from_string("PT4H"));
        icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION));
        icalcomponent_add_property(cal, refresh);
        icalproperty *ttl = icalproperty_new_x("PT4H");
        icalproperty_set_x_name(ttl, "X-PUBLISHED-TTL");
        icalcomponent_add_property(cal, ttl);
        icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(zone));
        icaltimezone_truncate_vtimezone(vtz, icaltime_from_string("20190101T000000Z"),
                                        icaltime_from_string("20220101T000000Z"), 0);
        icalproperty_set_tzid(icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY), "Europe/Moscow");
        icalcomponent_add_component(cal, vtz);
        char *envelope = icalcomponent_as_ical_string_r(cal);
        size_t head = strlen(envelope) - strlen("END:VCALENDAR\r\n");
        memcpy(out, envelope, head);
        length = head;

        for (size_t i = 0; i < rows; i++) {
            char **e = row[i];
            icalcomponent *ev = icalcomponent_new_vevent();
            add_text(ev, icalproperty_new_uid(e[0]));
            struct icaltimetype stamp = icaltime_from_string(e[3]);
            icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
            icalcomponent_add_property(ev, icalproperty_new_lastmodified(stamp));
            icalcomponent_add_property(ev, icalproperty_new_sequence(atoi(e[4])));
            icalproperty *dtstart = icalproperty_new_dtstart(icaltime_from_string(e[1]));
            icalproperty_add_parameter(dtstart, icalparameter_new_tzid("Europe/Moscow"));
            icalcomponent_add_property(ev, dtstart);
            icalproperty *dtend = icalproperty_new_dtend(icaltime_from_string(e[2]));
            icalproperty_add_parameter(dtend, icalparameter_new_tzid("Europe/Moscow"));
            icalcomponent_add_property(ev, dtend);
            add_text(ev, icalproperty_new_summary(e[5]));
            add_text(ev, icalproperty_new_description(e[6]));
            add_text(ev, icalproperty_new_location(e[7]));
            add_text(ev, icalproperty_new_categories(e[8]));
            icalcomponent_add_property(ev, icalproperty_new_status(strcmp(e[9], "CANCELLED") == 0
                                                                  ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
            char mailto[512];
            snprintf(mailto, sizeof mailto, "mailto:%s", e[11]);
            icalproperty *organizer = icalproperty_new_organizer(mailto);
            icalproperty_add_parameter(organizer, icalparameter_new_cn(e[10]));
            icalcomponent_add_property(ev, organizer);
            add_text(ev, icalproperty_new_url(e[12]));

            char *text = icalcomponent_as_ical_string_r(ev);
            size_t n = strlen(text);
            if (length + n + 16 > capacity) { capacity = (length + n + 16) * 2; out = realloc(out, capacity); }
            memcpy(out + length, text, n);
            length += n;
            icalmemory_free_buffer(text);
            icalcomponent_free(ev);
        }
        memcpy(out + length, "END:VCALENDAR\r\n", 15);
        length += 15;
        icalmemory_free_buffer(envelope);
        icalcomponent_free(cal);
        double ms = now_ms() - start;
        if (ms < best) best = ms;
        bytes = length;
        free(out);
    }
    printf("%.1f %zu\n", best, bytes);
    return 0;
}
