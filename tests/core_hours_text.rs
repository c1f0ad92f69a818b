//! Opening hours and holidays as typed in the options page.

use answerdeck::core::hours::text::{format_dates, format_ranges, parse_dates, parse_ranges};

#[test]
fn ranges_as_people_type_them() {
    assert_eq!(
        parse_ranges("09:00–12:00, 13:00–17:00"),
        Ok(vec![(540, 720), (780, 1020)])
    );
    assert_eq!(parse_ranges("9-17"), Ok(vec![(540, 1020)]));
    assert_eq!(parse_ranges(" 8:30 to 24:00 "), Ok(vec![(510, 1440)]));
    assert_eq!(
        parse_ranges("00:00—06:00; 22:00-24:00"),
        Ok(vec![(0, 360), (1320, 1440)])
    );
}

#[test]
fn empty_or_closed_is_a_closed_day() {
    assert_eq!(parse_ranges(""), Ok(vec![]));
    assert_eq!(parse_ranges("  "), Ok(vec![]));
    assert_eq!(parse_ranges("Closed"), Ok(vec![]));
}

#[test]
fn unreadable_ranges_are_refused_with_the_part() {
    assert_eq!(
        parse_ranges("09:00–12:00, 13:00"),
        Err("“13:00” is not a range like 09:00–17:00".into())
    );
    assert_eq!(
        parse_ranges("09:00–25:00"),
        Err("“09:00–25:00” has a time that is not between 00:00 and 24:00".into())
    );
    assert_eq!(
        parse_ranges("9:5-10"),
        Err("“9:5-10” has a time that is not between 00:00 and 24:00".into())
    );
    assert_eq!(
        parse_ranges("17:00–09:00"),
        Err("“17:00–09:00” ends before it starts".into())
    );
    assert!(parse_ranges("24:30-24:45").is_err());
}

#[test]
fn ranges_round_trip() {
    let ranges = vec![(540, 720), (780, 1020), (1320, 1440)];
    let text = format_ranges(&ranges);
    assert_eq!(text, "09:00–12:00, 13:00–17:00, 22:00–24:00");
    assert_eq!(parse_ranges(&text), Ok(ranges));
    assert_eq!(format_ranges(&[]), "");
}

#[test]
fn holidays() {
    assert_eq!(
        parse_dates("2026-12-25, 2026-12-24\n2026-12-25 2027-01-01"),
        Ok(vec![(2026, 12, 24), (2026, 12, 25), (2027, 1, 1)])
    );
    assert_eq!(parse_dates(""), Ok(vec![]));
    assert_eq!(
        parse_dates("2026-02-30"),
        Err("“2026-02-30” is not a date like 2026-12-24".into())
    );
    assert!(parse_dates("24.12.2026").is_err());
    assert_eq!(
        format_dates(&[(2026, 12, 24), (2027, 1, 1)]),
        "2026-12-24, 2027-01-01"
    );
}
