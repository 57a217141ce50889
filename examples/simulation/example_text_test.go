package simulation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/xiaoneng/xiaoneng/examples/simulation"
)

var kinds = []simulation.Kind{simulation.KindApplication, simulation.KindComplaint, simulation.KindRequest, simulation.KindAssistance}

func ExampleKind_String() {
	for _, k := range kinds {
		fmt.Println(k)
	}
	// Output:
	// application
	// complaint
	// request
	// assistance
}

func ExampleKind_Chinese() {
	for _, k := range kinds {
		fmt.Println(k.Chinese())
	}
	// Output:
	// 行政许可申请
	// 效能投诉
	// 政府信息公开申请
	// 行政协助请求
}

func ExampleKind_English() {
	for _, k := range kinds {
		fmt.Println(k.English())
	}
	// Output:
	// licence applications
	// efficiency complaints
	// information requests
	// assistance requests
}

// Kinds as records.json writes them.
func ExampleKind_MarshalText() {
	data, err := json.Marshal(kinds)
	fmt.Println(string(data), err)
	// Output:
	// ["application","complaint","request","assistance"] <nil>
}

func ExampleKind_UnmarshalText() {
	var got []simulation.Kind
	fmt.Println(json.Unmarshal([]byte(`["application","request"]`), &got), got)
	fmt.Println(json.Unmarshal([]byte(`["petition"]`), &got))
	// Output:
	// <nil> [application request]
	// simulation: invalid configuration: unknown kind "petition"
}

// A post prints in Chinese, and is written by its code.
func ExamplePost_String() {
	fmt.Println(simulation.PostWindow, simulation.PostReview)
	// Output:
	// 窗口受理 审查承办
}

func ExamplePost_MarshalText() {
	data, err := json.Marshal([]simulation.Post{simulation.PostWindow, simulation.PostReview})
	fmt.Println(string(data), err)
	// Output:
	// ["window","review"] <nil>
}

func ExamplePost_UnmarshalText() {
	var got []simulation.Post
	fmt.Println(json.Unmarshal([]byte(`["review","window"]`), &got), got)
	fmt.Println(json.Unmarshal([]byte(`["cashier"]`), &got))
	// Output:
	// <nil> [审查承办 窗口受理]
	// simulation: invalid configuration: unknown post "cashier"
}

// The summary's first lines: the year and seed, then the cases.
func ExampleResult_Summary() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 3, Applications: 20, Complaints: 2, Requests: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(res.Summary(), "\n")
	fmt.Println(strings.Join(lines[:2], "\n"))
	// Output:
	// 2025 年度政务服务中心模拟（种子 3）Service centre simulation of 2025, seed 3
	//   案件 Cases: 20 licence applications, 2 efficiency complaints, 2 information requests, 0 assistance requests; 0 inquiries
}
