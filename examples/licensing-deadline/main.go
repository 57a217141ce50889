// Command licensing-deadline prints a real licensing deadline with its
// explanation: an application for an administrative licence accepted on
// Friday 26 September 2025, decided within 20 working days (行政许可法
// Art 42 ¶1, Art 82), across the National Day and Mid-Autumn week with its
// make-up working days, with five working days of expert review that do
// not count (Art 45) and the ten-day extension the agency head approved.
//
//	go run ./examples/licensing-deadline
package main

import (
	"fmt"
	"log"

	"github.com/xiaoneng/xiaoneng/deadline"
)

func main() {
	log.SetFlags(0)
	cal := deadline.ChinaMainland()
	rule, err := deadline.LookupRule(deadline.RuleLicensingDecision)
	if err != nil {
		log.Fatal(err)
	}
	accepted, _ := deadline.ParseDate("2025-09-26")
	clk, err := deadline.Start(rule, accepted)
	if err != nil {
		log.Fatal(err)
	}
	due, err := clk.Due(cal)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("受理 Accepted %s; 20个工作日 → 届满 due %s\n\n", accepted, due)

	// Expert review from Monday 13 to Friday 17 October (Art 45), then an
	// extension of ten working days approved on 3 November (Art 42 ¶1).
	reviewFrom, _ := deadline.ParseDate("2025-10-13")
	reviewTo, _ := deadline.ParseDate("2025-10-17")
	if clk, err = clk.Exclude(reviewFrom, reviewTo, deadline.CauseExpertReview, "专家评审"); err != nil {
		log.Fatal(err)
	}
	approved, _ := deadline.ParseDate("2025-11-03")
	if clk, err = clk.Extend(cal, approved, 10, "局长", "需组织现场核查"); err != nil {
		log.Fatal(err)
	}
	asOf, _ := deadline.ParseDate("2025-11-18")
	st, err := clk.Status(cal, asOf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("As of %s: due %s, %d of %d working days used, %d remaining, light %s (%s)\n\n",
		asOf, st.Due, st.Elapsed, st.Limit, st.Remaining, st.Level(deadline.DefaultPolicy()), st.Level(deadline.DefaultPolicy()).Chinese())
	ex, err := clk.Explain(cal, asOf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(ex)
}
