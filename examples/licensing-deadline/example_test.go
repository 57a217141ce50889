package main

// The program's whole output, which the README quotes: a change to the
// calendar data, the rules or the explanation shows here.
func Example() {
	main()
	// Output:
	// 受理 Accepted 2025-09-26; 20个工作日 → 届满 due 2025-10-30
	//
	// As of 2025-11-18: due 2025-11-20, 28 of 30 working days used, 2 remaining, light yellow (黄灯)
	//
	// 期限 Rule: 作出行政许可决定 licensing decision (licensing-decision) — 20个工作日 / 20 working days
	// 依据 Basis: 《行政许可法》第四十二条第一款；《行政许可法》第八十二条
	// 起算 Start: 2025-09-26（当日不计入 / start day not counted）
	// 延长 Extended: 10 (《行政许可法》第四十二条第一款)
	// 届满 Due: 2025-11-20 星期四
	//   2025-09-27  休息日，不计入 / weekend, not counted
	//   2025-09-28  调休上班日，计入 / make-up working day, counted：国庆节、中秋节 / National Day and Mid-Autumn Festival
	//   2025-10-01–2025-10-08  节假日，不计入 / holiday, not counted：国庆节、中秋节 / National Day and Mid-Autumn Festival
	//   2025-10-11  调休上班日，计入 / make-up working day, counted：国庆节、中秋节 / National Day and Mid-Autumn Festival
	//   2025-10-12  休息日，不计入 / weekend, not counted
	//   2025-10-13–2025-10-17  中止，不计算在期限内 / suspended, not counted：专家评审 / expert review
	//   2025-10-18–2025-10-19  休息日，不计入 / weekend, not counted
	//   2025-10-25–2025-10-26  休息日，不计入 / weekend, not counted
	//   2025-11-01–2025-11-02  休息日，不计入 / weekend, not counted
	//   2025-11-08–2025-11-09  休息日，不计入 / weekend, not counted
	//   2025-11-15–2025-11-16  休息日，不计入 / weekend, not counted
}
