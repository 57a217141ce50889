package xiaoneng

import (
	"slices"
	"time"

	"github.com/rickb777/date/v2"
)

// LawID names a statute by its short Chinese name, as citations write it:
// 行政许可法, 政府信息公开条例. The constants below are the laws the
// library encodes; any other name is a valid LawID for a document the
// library does not know.
type LawID string

// The laws the library encodes. Their full names, English names and
// revisions are listed by [Laws].
const (
	LicensingLaw        LawID = "行政许可法"        // Administrative Licensing Law
	PenaltyLaw          LawID = "行政处罚法"        // Administrative Penalty Law
	CompulsionLaw       LawID = "行政强制法"        // Administrative Compulsion Law
	ReconsiderationLaw  LawID = "行政复议法"        // Administrative Reconsideration Law
	ReconsiderationRegs LawID = "行政复议法实施条例"    // Regulations for the Implementation of the Administrative Reconsideration Law
	LitigationLaw       LawID = "行政诉讼法"        // Administrative Litigation Law
	CivilCode           LawID = "民法典"          // Civil Code
	CivilProcedureLaw   LawID = "民事诉讼法"        // Civil Procedure Law
	DisclosureRegs      LawID = "政府信息公开条例"     // Regulations on Open Government Information
	PetitionRegs        LawID = "信访工作条例"       // Regulations on Petition Work
	MajorDecisionRegs   LawID = "重大行政决策程序暂行条例" // Interim Regulations on Major Administrative Decision Procedures
	HolidayMeasures     LawID = "全国年节及纪念日放假办法" // Measures on National Holidays and Commemoration Days
)

// Law describes a statute the library knows: its names, its rank and the
// revisions of its text.
type Law struct {
	ID       LawID
	Name     string // full Chinese title, e.g. 中华人民共和国行政许可法
	NameEN   string // English title
	Rank     Rank
	Versions []Version // oldest first
}

// Rank is the kind of normative document a law is (法律位阶).
type Rank uint8

// Ranks of normative documents. The zero value is RankUnknown.
const (
	RankUnknown    Rank = iota
	RankLaw             // 法律, adopted by the NPC or its Standing Committee
	RankRegulation      // 行政法规, issued by the State Council
	RankPartyState      // 党内法规与行政法规, issued jointly by the CPC Central Committee and the State Council
)

// String returns the rank in Chinese.
func (r Rank) String() string {
	switch r {
	case RankLaw:
		return "法律"
	case RankRegulation:
		return "行政法规"
	case RankPartyState:
		return "党内法规"
	}
	return "未知"
}

// Version is one revision of a law's text.
type Version struct {
	Adopted date.Date   // the day the text was adopted, amended or revised (通过/修正/修订)
	InForce date.Date   // the day it took effect (施行)
	Kind    VersionKind // how the text came about
	Source  string      // where the text was checked
}

// VersionKind tells an original text from a later amendment or revision.
type VersionKind uint8

// Kinds of revision. The zero value is VersionUnknown.
const (
	VersionUnknown VersionKind = iota
	Enacted                    // 制定: the original text
	Amended                    // 修正: amended by decision
	Revised                    // 修订: revised as a whole
)

// String returns the kind in Chinese, as citations write it after the
// year: 2019年修正.
func (k VersionKind) String() string {
	switch k {
	case Enacted:
		return "版"
	case Amended:
		return "修正"
	case Revised:
		return "修订"
	}
	return "版"
}

// Version returns the revision of the law adopted on d.
func (l Law) Version(d date.Date) (Version, bool) {
	for _, v := range l.Versions {
		if v.Adopted == d {
			return v, true
		}
	}
	return Version{}, false
}

// InForce returns the revision in force on day d: the latest one whose
// InForce date is on or before d. It reports false when d precedes the
// first version.
func (l Law) InForce(d date.Date) (Version, bool) {
	for i := len(l.Versions) - 1; i >= 0; i-- {
		if l.Versions[i].InForce <= d {
			return l.Versions[i], true
		}
	}
	return Version{}, false
}

// Latest returns the latest revision of the law.
func (l Law) Latest() Version {
	if len(l.Versions) == 0 {
		return Version{}
	}
	return l.Versions[len(l.Versions)-1]
}

const lawRefBook = "https://github.com/LawRefBook/Laws/blob/"

func d(y, m, day int) date.Date { return date.New(y, time.Month(m), day) }

// lawTable is the fixed table behind [Laws] and [LookupLaw]. It is never
// modified after initialisation, and never handed out without a copy.
var lawTable = []Law{
	{LicensingLaw, "中华人民共和国行政许可法", "Administrative Licensing Law", RankLaw, []Version{
		{d(2003, 8, 27), d(2004, 7, 1), Enacted, ""},
		{d(2019, 4, 23), d(2019, 4, 23), Amended, lawRefBook + "2f4c5c2/行政法/行政许可法(2019-04-23).md"},
	}},
	{PenaltyLaw, "中华人民共和国行政处罚法", "Administrative Penalty Law", RankLaw, []Version{
		{d(1996, 3, 17), d(1996, 10, 1), Enacted, ""},
		{d(2009, 8, 27), d(2009, 8, 27), Amended, ""},
		{d(2017, 9, 1), d(2018, 1, 1), Amended, ""},
		{d(2021, 1, 22), d(2021, 7, 15), Revised, lawRefBook + "2f4c5c2/行政法/行政处罚法(2021-01-22).md"},
	}},
	{CompulsionLaw, "中华人民共和国行政强制法", "Administrative Compulsion Law", RankLaw, []Version{
		{d(2011, 6, 30), d(2012, 1, 1), Enacted, lawRefBook + "2f4c5c2/行政法/行政强制法(2011-06-30).md"},
	}},
	{ReconsiderationLaw, "中华人民共和国行政复议法", "Administrative Reconsideration Law", RankLaw, []Version{
		{d(2023, 9, 1), d(2024, 1, 1), Revised, lawRefBook + "2f4c5c2/诉讼与非诉讼程序法/行政复议法(2023-09-01).md"},
	}},
	{ReconsiderationRegs, "中华人民共和国行政复议法实施条例", "Regulations for the Implementation of the Administrative Reconsideration Law", RankRegulation, []Version{
		{d(2007, 5, 29), d(2007, 8, 1), Enacted, lawRefBook + "6ef77b0/行政法规/行政复议法实施条例(2007-05-29).md"},
	}},
	{LitigationLaw, "中华人民共和国行政诉讼法", "Administrative Litigation Law", RankLaw, []Version{
		{d(1989, 4, 4), d(1990, 10, 1), Enacted, ""},
		{d(2014, 11, 1), d(2015, 5, 1), Amended, ""},
		{d(2017, 6, 27), d(2017, 7, 1), Amended, lawRefBook + "2f4c5c2/诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md"},
	}},
	{CivilCode, "中华人民共和国民法典", "Civil Code", RankLaw, []Version{
		{d(2020, 5, 28), d(2021, 1, 1), Enacted, lawRefBook + "2f4c5c2/民法典/总则.md"},
	}},
	{CivilProcedureLaw, "中华人民共和国民事诉讼法", "Civil Procedure Law", RankLaw, []Version{
		{d(2023, 9, 1), d(2024, 1, 1), Amended, lawRefBook + "2f4c5c2/诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md"},
	}},
	{DisclosureRegs, "中华人民共和国政府信息公开条例", "Regulations on Open Government Information", RankRegulation, []Version{
		{d(2007, 4, 5), d(2008, 5, 1), Enacted, ""},
		{d(2019, 4, 3), d(2019, 5, 15), Revised, lawRefBook + "6ef77b0/行政法规/政府信息公开条例(2019-04-03).md"},
	}},
	{PetitionRegs, "信访工作条例", "Regulations on Petition Work", RankPartyState, []Version{
		{d(2022, 2, 25), d(2022, 5, 1), Enacted, lawRefBook + "2f4c5c2/行政法规/信访工作条例(2022-02-25).md"},
	}},
	{MajorDecisionRegs, "重大行政决策程序暂行条例", "Interim Regulations on Major Administrative Decision Procedures", RankRegulation, []Version{
		{d(2019, 4, 20), d(2019, 9, 1), Enacted, lawRefBook + "6ef77b0/行政法规/重大行政决策程序暂行条例(2019-04-20).md"},
	}},
	{HolidayMeasures, "全国年节及纪念日放假办法", "Measures on National Holidays and Commemoration Days", RankRegulation, []Version{
		{d(2013, 12, 11), d(2014, 1, 1), Amended, lawRefBook + "2f4c5c2/行政法规/全国年节及纪念日放假办法(2013-12-11).md"},
		{d(2024, 11, 10), d(2025, 1, 1), Amended, lawRefBook + "2f4c5c2/行政法规/全国年节及纪念日放假办法(2024-11-10).md"},
	}},
}

func (l Law) clone() Law {
	l.Versions = slices.Clone(l.Versions)
	return l
}

// Laws returns the laws the library knows, each with its revisions. The
// result is a fresh copy: changing it changes nothing in the library.
func Laws() []Law {
	out := make([]Law, len(lawTable))
	for i, l := range lawTable {
		out[i] = l.clone()
	}
	return out
}

// LookupLaw returns the law with the given ID, and reports whether the
// library knows it. The result is a copy.
func LookupLaw(id LawID) (Law, bool) {
	l, ok := lookupLaw(id)
	if !ok {
		return Law{}, false
	}
	return l.clone(), true
}

func lookupLaw(id LawID) (*Law, bool) {
	for i := range lawTable {
		if lawTable[i].ID == id {
			return &lawTable[i], true
		}
	}
	return nil, false
}
