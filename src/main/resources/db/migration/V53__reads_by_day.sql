-- Reads per day beside reads per minute (#18). The daily roll-up recomputes today on every run; it summed today's
-- reads from delivery_read, one row per consumer, story, language, channel and *minute*, so each run cost more the
-- longer the day's readers kept reading (under random reads over 100,000 x 3 stories ~80,000 rows a minute, 677,591
-- after ten minutes, ~5.5 s of PostgreSQL a run). The read flush now adds each count to its day here as well, in the
-- same statement, and the roll-up reads one row per consumer, story, language and channel. delivery_read stays:
-- receipts and correction reach need the minute of a read.
create table delivery_read_daily (
    day          date   not null,
    consumer_id  text   not null,
    story_id     text   not null,
    lang         text   not null,
    channel      text   not null,
    reads        bigint not null,
    primary key (day, consumer_id, story_id, lang, channel)
) with (fillfactor = 70); -- room on each page for the new version of a row that every flush of the day adds to (HOT)

insert into delivery_read_daily (day, consumer_id, story_id, lang, channel, reads)
select (minute at time zone 'UTC')::date, consumer_id, story_id, lang, channel, sum(reads)
  from delivery_read
 group by 1, 2, 3, 4, 5;

-- The roll-up's index over a day of minutes: nothing reads delivery_read by minute alone now, and every flush paid for it.
drop index delivery_read_minute;
