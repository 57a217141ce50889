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

// A citation in English, for a bilingual notice: the revision year
// follows the title, and a document the library does not know keeps its
// Chinese name.
func ExampleCitation_English() {
	fmt.Println(x.Cite(x.DisclosureRegs, 33, 2).English())
	fmt.Println(x.Cite(x.PenaltyLaw, 60).At(date.New(2021, 1, 22)).English())
	fmt.Println(x.Cite("省行政机关效能建设条例", 7).English())
	// Output:
	// Regulations on Open Government Information, art. 33(2)
	// Administrative Penalty Law (2021), art. 60
	// 省行政机关效能建设条例, art. 7
}

// The zero Citation cites nothing and prints as nothing; a citation of a
// whole law, without an article, is not zero.
func ExampleCitation_IsZero() {
	var none x.Citation
	whole := x.Cite(x.CivilCode, 0)
	fmt.Printf("%t %q\n", none.IsZero(), none)
	fmt.Printf("%t %q\n", whole.IsZero(), whole)
	// Output:
	// true ""
	// false "《民法典》"
}

// The 2021 revision of 行政处罚法 was adopted on 22 January 2021 and took
// effect on 15 July: in between, the 2017 amendment was still in force.
// Before the law's first text there is none.
func ExampleLaw_InForce() {
	law, _ := x.LookupLaw(x.PenaltyLaw)
	for _, d := range []date.Date{date.New(2021, 3, 1), date.New(2021, 7, 15), date.New(1996, 1, 1)} {
		v, ok := law.InForce(d)
		if !ok {
			fmt.Println(d, "no text in force")
			continue
		}
		fmt.Println(d, v.Adopted, v.Kind)
	}
	// Output:
	// 2021-03-01 2017-09-01 修正
	// 2021-07-15 2021-01-22 修订
	// 1996-01-01 no text in force
}

// The latest revision of each law. It may take effect well after it was
// adopted: the 2024 amendment of 全国年节及纪念日放假办法, which added two
// days of holiday, applies from 2025.
func ExampleLaw_Latest() {
	for _, id := range []x.LawID{x.LicensingLaw, x.DisclosureRegs, x.HolidayMeasures} {
		law, _ := x.LookupLaw(id)
		v := law.Latest()
		fmt.Println(law.ID, v.Adopted, v.Kind, "in force", v.InForce)
	}
	// Output:
	// 行政许可法 2019-04-23 修正 in force 2019-04-23
	// 政府信息公开条例 2019-04-03 修订 in force 2019-05-15
	// 全国年节及纪念日放假办法 2024-11-10 修正 in force 2025-01-01
}

// A revision is named by the day it was adopted, not the day it took
// effect: 政府信息公开条例 was revised on 3 April 2019, in force from 15
// May.
func ExampleLaw_Version() {
	law, _ := x.LookupLaw(x.DisclosureRegs)
	for _, d := range []date.Date{date.New(2019, 4, 3), date.New(2019, 5, 15)} {
		_, ok := law.Version(d)
		fmt.Println(d, ok)
	}
	fmt.Println(x.Cite(x.DisclosureRegs, 33).At(date.New(2019, 4, 3)))
	// Output:
	// 2019-04-03 true
	// 2019-05-15 false
	// 《政府信息公开条例》(2019年修订)第三十三条
}

// A citation prints as a Chinese document cites: the law in 《》, the
// revision where one is named, then the article, paragraph and item in
// Chinese numerals.
func ExampleCitation_String() {
	fmt.Println(x.Cite(x.LicensingLaw, 42, 1))
	fmt.Println(x.Cite(x.PenaltyLaw, 60).At(date.New(2021, 1, 22)))
	fmt.Println(x.Cite(x.CivilCode, 0))
	fmt.Printf("%q\n", x.Citation{})
	// Output:
	// 《行政许可法》第四十二条第一款
	// 《行政处罚法》(2021年修订)第六十条
	// 《民法典》
	// ""
}

// Each law's rank (法律位阶), as the library records it.
func ExampleRank_String() {
	for _, id := range []x.LawID{x.LicensingLaw, x.DisclosureRegs, x.PetitionRegs} {
		law, _ := x.LookupLaw(id)
		fmt.Println(law.ID, law.Rank)
	}
	fmt.Println(x.RankUnknown)
	// Output:
	// 行政许可法 法律
	// 政府信息公开条例 行政法规
	// 信访工作条例 党内法规
	// 未知
}

// How each revision came about, as a citation names it after the year.
func ExampleVersionKind_String() {
	law, _ := x.LookupLaw(x.PenaltyLaw)
	for _, v := range law.Versions {
		fmt.Printf("%d年%s\n", v.Adopted.Year(), v.Kind)
	}
	// Output:
	// 1996年版
	// 2009年修正
	// 2017年修正
	// 2021年修订
}
