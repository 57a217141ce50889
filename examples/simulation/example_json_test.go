package simulation_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/xiaoneng/xiaoneng/examples/simulation"
)

// topLevel returns the members of a JSON object, sorted.
func topLevel(data []byte) []string {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return []string{err.Error()}
	}
	return slices.Sorted(maps.Keys(m))
}

// report.json holds the figures of the year and names its format; the
// case records are kept apart.
func ExampleResult_JSON() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 3, Applications: 20, Complaints: 2, Requests: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := res.JSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(topLevel(data))
	// Output:
	// [config counts format ladder lights on_time quarters region report scan scan_day scorecard scores units year]
}

// records.json holds the cases and, under "input", what an accountability
// evaluation reads: the records, the inquiries and the roster.
func ExampleResult_RecordsJSON() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 3, Applications: 20, Complaints: 2, Requests: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := res.RecordsJSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(topLevel(data))
	var stored struct {
		Cases []json.RawMessage `json:"cases"`
	}
	if err := json.Unmarshal(data, &stored); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(stored.Cases), "cases")
	// Output:
	// [cases format input]
	// 24 cases
}

// WriteRecords writes records.json into a directory.
func ExampleResult_WriteRecords() {
	res, err := simulation.Run(context.Background(), simulation.Config{Seed: 3, Applications: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "records")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := res.WriteRecords(dir); err != nil {
		fmt.Println(err)
		return
	}
	data, err := os.ReadFile(filepath.Join(dir, simulation.RecordsJSON))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(topLevel(data))
	// Output:
	// [cases format input]
}
