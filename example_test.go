package xiaoneng_test

import (
	"fmt"

	"github.com/rickb777/date/v2"

	x "github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// The library in one story: a licence application accepted on Friday 26
// September 2025 must be decided within 20 working days (行政许可法 Art 42
// ¶1, Art 82), counted on the national calendar across the National Day
// week with its make-up working days.
func Example() {
	cal := deadline.ChinaMainland()
	rule, _ := deadline.LookupRule(deadline.RuleLicensingDecision)
	clk, _ := deadline.Start(rule, date.New(2025, 9, 26))
	due, err := clk.Due(cal)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("due:", due)
	fmt.Println("basis:", rule.Citation())
	// Output:
	// due: 2025-10-30
	// basis: 《行政许可法》第四十二条第一款
}

func ExampleCite() {
	c := x.Cite(x.LicensingLaw, 32, 1, 4)
	fmt.Println(c)
	fmt.Println(c.English())
	// Output:
	// 《行政许可法》第三十二条第一款第（四）项
	// Administrative Licensing Law, art. 32(1)(4)
}

func ExampleCitation_At() {
	c := x.Cite(x.PenaltyLaw, 60).At(date.New(2021, 1, 22))
	fmt.Println(c)
	fmt.Println(c.Validate())
	// Output:
	// 《行政处罚法》(2021年修订)第六十条
	// <nil>
}

func ExampleCitation_Validate() {
	err := x.Citation{Law: x.CivilCode, Paragraph: 2}.Validate()
	fmt.Println(err)
	// Output:
	// xiaoneng: invalid citation "《民法典》第二款": paragraph without article
}

func ExampleNumeral() {
	for _, n := range []int{15, 42, 101, 203} {
		fmt.Print(x.Numeral(n), " ")
	}
	fmt.Println()
	// Output:
	// 十五 四十二 一百零一 二百零三
}

func ExampleLookupLaw() {
	law, _ := x.LookupLaw(x.PenaltyLaw)
	v, _ := law.InForce(date.New(2025, 1, 1))
	fmt.Println(law.Name, "—", law.NameEN)
	fmt.Println("in force:", v.Adopted, v.Kind, "effective", v.InForce)
	fmt.Println("latest:", law.Latest().Adopted)
	// Output:
	// 中华人民共和国行政处罚法 — Administrative Penalty Law
	// in force: 2021-01-22 修订 effective 2021-07-15
	// latest: 2021-01-22
}

func ExampleLaws() {
	for _, l := range x.Laws()[:3] {
		fmt.Printf("%s (%s): %d revisions\n", l.ID, l.Rank, len(l.Versions))
	}
	// Output:
	// 行政许可法 (法律): 2 revisions
	// 行政处罚法 (法律): 4 revisions
	// 行政强制法 (法律): 1 revisions
}
