"""The same feed as `clusterplan-bench ical`, built with python `icalendar`.

Usage: python3 python_feed.py EVENTS.tsv  -> prints the best of 3 in-process times in ms and the size.
Each TSV row: uid dtstart dtend dtstamp sequence summary description location category status
organizer-cn organizer-email url; a 0x01 character inside a field stands for a newline.
"""
import sys
import time
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import icalendar


def parse_local(text, zone):
    return datetime.strptime(text, "%Y%m%dT%H%M%S").replace(tzinfo=zone)


def build(rows, zone):
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//ClusterPlan//ClusterPlan//RU")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", "Синтетический район")
    cal.add("x-wr-calname", "Синтетический район")
    cal.add("refresh-interval", icalendar.vDuration.from_ical("PT4H"), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT4H")
    cal.add_component(icalendar.Timezone.from_tzid("Europe/Moscow", first_date=date(2019, 1, 1),
                                                   last_date=date(2022, 1, 1)))
    for (uid, start, end, stamp, sequence, summary, description, location, category, status,
         cn, email, url) in rows:
        event = icalendar.Event()
        event.add("uid", uid)
        moment = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        event.add("dtstamp", moment)
        event.add("last-modified", moment)
        event.add("sequence", int(sequence))
        event.add("dtstart", parse_local(start, zone))
        event.add("dtend", parse_local(end, zone))
        event.add("summary", summary)
        event.add("description", description)
        event.add("location", location)
        event.add("categories", [category])
        event.add("status", status)
        organizer = icalendar.vCalAddress(f"mailto:{email}")
        organizer.params["cn"] = icalendar.vText(cn)
        event.add("organizer", organizer)
        event.add("url", url)
        cal.add_component(event)
    return cal.to_ical()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = [line.rstrip("\n").replace("\x01", "\n").split("\t") for line in f if line.strip()]
    zone = ZoneInfo("Europe/Moscow")
    best, size = float("inf"), 0
    for _ in range(3):
        start = time.perf_counter()
        size = len(build(rows, zone))
        best = min(best, (time.perf_counter() - start) * 1000)
    print(f"{best:.1f} {size}")


if __name__ == "__main__":
    main()
