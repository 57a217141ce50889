package ics_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/ics"
)

// Export writes the national calendar's holidays and make-up working
// days as all-day events; here the Spring Festival of 2025.
func ExampleExport() {
	b, err := ics.Export(deadline.ChinaMainland(), ics.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, ev := range strings.Split(string(b), "BEGIN:VEVENT\r\n") {
		if !strings.Contains(ev, "X-XIAONENG-YEAR:2025") || !strings.Contains(ev, "X-XIAONENG-NAME:春节") {
			continue
		}
		for _, line := range strings.Split(ev, "\r\n") {
			if strings.HasPrefix(line, "DTSTART") || strings.HasPrefix(line, "DTEND") ||
				strings.HasPrefix(line, "SUMMARY") || strings.HasPrefix(line, "X-XIAONENG-KIND") {
				fmt.Println(line)
			}
		}
	}
	// Output:
	// DTSTART;VALUE=DATE:20250128
	// DTEND;VALUE=DATE:20250205
	// SUMMARY:春节 Spring Festival
	// X-XIAONENG-KIND:holiday
	// DTSTART;VALUE=DATE:20250126
	// DTEND;VALUE=DATE:20250127
	// SUMMARY:调休上班（春节） Make-up working day (Spring Festival)
	// X-XIAONENG-KIND:makeup
	// DTSTART;VALUE=DATE:20250208
	// DTEND;VALUE=DATE:20250209
	// SUMMARY:调休上班（春节） Make-up working day (Spring Festival)
	// X-XIAONENG-KIND:makeup
}

// Decode reads a file back into the spec it was written from.
func ExampleDecode() {
	b, err := ics.Export(deadline.ChinaMainland(), ics.Options{Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	s, err := ics.Decode(b)
	if err != nil {
		log.Fatal(err)
	}
	last := s.Arrangements[len(s.Arrangements)-1]
	fmt.Println(s.ID, s.From, s.To, s.Weekend)
	fmt.Println(last.Year, last.Holidays[0].Name, last.Holidays[0].NameEN, last.Holidays[0].Off[0])
	// Output:
	// cn-mainland 2007-01-01 2026-12-31 [Sunday Saturday]
	// 2026 元旦 New Year's Day 2026-01-01
}

// Import builds a calendar from an iCalendar file written by another
// program: make-up days are told by 补班 in the summary, the coverage is
// the whole year, and Saturday and Sunday rest.
func ExampleImport() {
	in := []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//example//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20250501\r\nDURATION:P5D\r\nSUMMARY:劳动节\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20250427\r\nSUMMARY:劳动节 补班\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n")
	cal, err := ics.Import(in)
	if err != nil {
		log.Fatal(err)
	}
	due, err := cal.AddWorkingDays(date.New(2025, 4, 25), 3)
	if err != nil {
		log.Fatal(err)
	}
	d, _ := cal.Day(date.New(2025, 4, 27))
	fmt.Println(d.Kind, d.Name)
	fmt.Println(due)
	// Output:
	// makeup_workday 劳动节
	// 2025-04-29
}
