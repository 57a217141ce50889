//go:build ignore

// gencn converts the State Council holiday arrangements, as collected in
// the shared source file (testdata/cn-mainland-source.json, a copy of
// shared/data/cn-mainland-calendar.json), into the calendar JSON format of
// this package (data/cn-mainland.json). Dates the source lists outside its
// own coverage (the 2007 New Year make-up days of 2006-12-30 and 31) are
// left out. TestChinaMainlandConversion checks the result day by day.
//
// Run it with: go generate ./deadline
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/xiaoneng/xiaoneng/deadline"
)

type source struct {
	Source   string `json:"source"`
	Coverage struct {
		From, To string
	} `json:"coverage"`
	Weekend []string `json:"weekend"`
	Years   map[string]struct {
		Papers   []string `json:"papers"`
		Holidays []group  `json:"holidays"`
		Workdays []group  `json:"workdays"`
	} `json:"years"`
}

type group struct {
	Name   string   `json:"name"`
	NameEN string   `json:"name_en"`
	Dates  []string `json:"dates"`
}

func main() {
	in := flag.String("in", "testdata/cn-mainland-source.json", "source file")
	out := flag.String("out", "data/cn-mainland.json", "output file")
	flag.Parse()
	data, err := os.ReadFile(*in)
	if err != nil {
		log.Fatal(err)
	}
	var src source
	if err := json.Unmarshal(data, &src); err != nil {
		log.Fatal(err)
	}
	spec := deadline.Spec{
		ID:     "cn-mainland",
		Name:   "中国大陆工作日历",
		NameEN: "Mainland China working-day calendar",
		Source: "国务院办公厅关于部分节假日安排的通知 (the State Council General Office's annual notices on holiday arrangements), " +
			"as collected in " + src.Source,
		From: must(deadline.ParseDate(src.Coverage.From)),
		To:   must(deadline.ParseDate(src.Coverage.To)),
	}
	for _, name := range src.Weekend {
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			if wd.String() == name {
				spec.Weekend = append(spec.Weekend, wd)
			}
		}
	}
	var years []int
	for y := range src.Years {
		years = append(years, must(strconv.Atoi(y)))
	}
	slices.Sort(years)
	inCoverage := func(ds []string) []date.Date {
		var out []date.Date
		for _, s := range ds {
			d := must(deadline.ParseDate(s))
			if d >= spec.From && d <= spec.To {
				out = append(out, d)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, y := range years {
		yr := src.Years[strconv.Itoa(y)]
		arr := deadline.Arrangement{Year: y, Notices: yr.Papers}
		for _, h := range yr.Holidays {
			hol := deadline.Holiday{Name: h.Name, NameEN: h.NameEN, Off: inCoverage(h.Dates)}
			for _, w := range yr.Workdays {
				if w.Name == h.Name {
					hol.Work = append(hol.Work, inCoverage(w.Dates)...)
				}
			}
			arr.Holidays = append(arr.Holidays, hol)
		}
		for _, w := range yr.Workdays {
			if !slices.ContainsFunc(yr.Holidays, func(h group) bool { return h.Name == w.Name }) {
				log.Fatalf("%d: make-up days for %q, which the year does not list as a holiday", y, w.Name)
			}
		}
		spec.Arrangements = append(spec.Arrangements, arr)
	}
	cal, err := deadline.New(spec)
	if err != nil {
		log.Fatal(err)
	}
	// The calendar's own spec is the canonical form: weekdays from Sunday,
	// holidays in the order defined, runs of days as ranges.
	js, err := json.MarshalIndent(cal, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(js, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return v
}
