package simulation

import (
	_ "embed"
	"sync"

	"github.com/xiaoneng/xiaoneng/catalogue"
)

//go:embed data/county-catalogue.json
var countyCatalogue []byte

// CatalogueJSON returns the embedded county catalogue in the JSON format
// of catalogue.Parse, a fresh copy on every call: fifteen items of seven
// units, on the licensing, joint-licensing, disclosure and complaint
// procedures, with their promised limits, materials and a green channel.
// The items and units are example data; the bases of the items the
// library's own sample catalogue does not hold cite their regulation as a
// whole.
func CatalogueJSON() []byte { return append([]byte(nil), countyCatalogue...) }

// catalogueOnce parses the embedded catalogue once; the catalogue is
// immutable, and its definitions are compiled once and shared.
var catalogueOnce = sync.OnceValues(func() (*catalogue.Catalogue, error) {
	return catalogue.Parse(countyCatalogue)
})

// Catalogue returns the embedded county catalogue, parsed once and shared:
// a catalogue is immutable and safe for concurrent use. The error is
// catalogue.Parse's and does not happen with the data as shipped.
func Catalogue() (*catalogue.Catalogue, error) { return catalogueOnce() }

// DefaultUnits returns the seven units of the example county, each with
// its officers in pairs that substitute for each other (AB角), but for one
// reviewer of the health commission who has no substitute: the market
// regulation, housing and construction, health, transport, and natural
// resources bureaus that license; the petition bureau that registers
// efficiency complaints; and the county government office that answers
// information requests. A fresh copy on every call.
func DefaultUnits() []Unit {
	pair := func(post Post, a, b string) []Officer {
		return []Officer{{ID: a, Post: post, Substitute: b}, {ID: b, Post: post, Substitute: a}}
	}
	unit := func(name, short, en, head string, pairs ...[]Officer) Unit {
		u := Unit{Name: name, Short: short, English: en, Head: head}
		for _, p := range pairs {
			u.Officers = append(u.Officers, p...)
		}
		return u
	}
	return []Unit{
		unit("示例县市场监督管理局", "市场监管局", "Market Regulation", "陈国栋（局长）",
			pair(PostWindow, "王丽娟", "刘晓燕"), pair(PostReview, "张建华", "李明辉"), pair(PostReview, "赵志刚", "孙海燕")),
		unit("示例县住房和城乡建设局", "住建局", "Housing and Construction", "周建军（局长）",
			pair(PostWindow, "周婷", "吴佳"), pair(PostReview, "郑国强", "冯晓东"), pair(PostReview, "陈立新", "褚明")),
		unit("示例县卫生健康委员会", "卫健委", "Health Commission", "蒋文华（主任）",
			pair(PostWindow, "沈雪", "韩梅"), pair(PostReview, "杨帆", "朱丹"),
			// A reviewer the commission designated no B for: while he is
			// away his cases lie idle, and the post is left empty.
			[]Officer{{ID: "钱进", Post: PostReview}}),
		unit("示例县交通运输局", "交通运输局", "Transport", "许卫东（局长）",
			pair(PostWindow, "何静", "吕娜"), pair(PostReview, "施伟", "张磊"), pair(PostReview, "孔祥瑞", "曹阳")),
		unit("示例县自然资源和规划局", "自然资源局", "Natural Resources", "严志强（局长）",
			pair(PostWindow, "华玲", "金萍"), pair(PostReview, "魏东", "陶然")),
		unit("示例县信访局", "信访局", "Petitions", "姜红（局长）",
			pair(PostWindow, "戚芳", "谢蕾"), pair(PostReview, "邹平", "喻杰")),
		unit("示例县人民政府办公室", "政府办", "Government Office", "柏林（主任）",
			pair(PostWindow, "窦莉", "章敏"), pair(PostReview, "云涛", "苏畅")),
	}
}

// popularity weighs the items of the default catalogue by how often they
// are applied for; items of other catalogues weigh 4.
func popularity(code string) int {
	switch code {
	case "SCJG-XK-001":
		return 24
	case "WJ-XK-001":
		return 13
	case "JT-XK-001":
		return 11
	case "SCJG-XK-002":
		return 9
	case "ZJ-XK-001", "ZR-XK-002":
		return 8
	case "ZJ-XK-002":
		return 5
	case "ZJ-LH-001", "WJ-XK-002", "JT-XK-002":
		return 2
	}
	return 4
}
