package catalogue_test

import (
	"testing"

	"github.com/xiaoneng/xiaoneng/catalogue"
)

// BenchmarkIntake checks an application for the food business licence
// whose deferrable materials are missing: the 容缺受理 path, with two
// deferral clocks counted on the calendar.
func BenchmarkIntake(b *testing.B) {
	c := sample(b)
	a := catalogue.Application{Item: foodLicence, On: d(2025, 9, 26), Materials: conforming(matForm, matLicence, matID, matLayout)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Intake(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIntakeSupplement is the one-time notice path: no clocks.
func BenchmarkIntakeSupplement(b *testing.B) {
	c := sample(b)
	a := catalogue.Application{Item: foodLicence, On: d(2025, 9, 26), Materials: conforming(matForm, matID)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Intake(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStart starts a case on the item's promised limit, its
// definition compiled already.
func BenchmarkStart(b *testing.B) {
	c := sample(b)
	if _, _, err := c.Start("C-1", foodLicence, d(2025, 9, 26), ""); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := c.Start("C-1", foodLicence, d(2025, 9, 26), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartFirst includes compiling the definition: the first case
// of an item with a limit no other item has.
func BenchmarkStartFirst(b *testing.B) {
	data := sampleJSON(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		c, err := catalogue.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, _, err := c.Start("C-1", foodLicence, d(2025, 9, 26), ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse reads and validates the sample catalogue of thirteen
// item versions.
func BenchmarkParse(b *testing.B) {
	data := sampleJSON(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalogue.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
