package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/examples/xn/server"
)

var update = flag.Bool("update", false, "rewrite openapi.json and the golden files under testdata/golden")

// fixture reads a file of the module's testdata directory.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// body builds a request body: each @name.json in the template is replaced
// by that fixture's contents, and @@name.json by the members of the
// object in it, so that a request can carry a whole fixture.
func body(t testing.TB, tmpl string) string {
	t.Helper()
	re := regexp.MustCompile(`@@?[a-z0-9-]+\.(json|ics)`)
	return re.ReplaceAllStringFunc(tmpl, func(m string) string {
		if strings.HasPrefix(m, "@@") {
			s := strings.TrimSpace(fixture(t, m[2:]))
			return strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
		}
		return strings.TrimSpace(fixture(t, m[1:]))
	})
}

type httpCase struct {
	name        string
	method      string
	path        string
	body        string // a template for body()
	contentType string
	status      int
	code        string // the error code, for an error
}

var httpCases = []httpCase{
	{"healthz", "GET", "/healthz", "", "", 200, ""},
	{"not-found", "GET", "/v1/nothing", "", "", 404, api.CodeNotFound},
	{"method-not-allowed", "GET", "/v1/deadline/add", "", "", 405, api.CodeMethodNotAllowed},

	{"add", "POST", "/v1/deadline/add", `{"date": "2025-09-26", "n": 20}`, "", 200, ""},
	{"add-calendar", "POST", "/v1/deadline/add", `{"date": "2025-01-24", "n": 3, "calendar": @small-calendar.json}`, "", 200, ""},
	{"add-extended", "POST", "/v1/deadline/add", `{"date": "2026-12-20", "n": 30, "extend_through": "2027-06-30"}`, "", 200, ""},
	{"add-out-of-coverage", "POST", "/v1/deadline/add", `{"date": "2030-01-02", "n": 5}`, "", 422, api.CodeOutOfCoverage},
	{"add-malformed", "POST", "/v1/deadline/add", `{"date": "2025-09-26", "n": `, "", 400, api.CodeMalformedJSON},
	{"add-syntax", "POST", "/v1/deadline/add", "{\"date\": \"2025-09-26\",\n \"n\": 20,,}", "", 400, api.CodeMalformedJSON},
	{"add-empty", "POST", "/v1/deadline/add", ``, "", 400, api.CodeMalformedJSON},
	{"add-trailing", "POST", "/v1/deadline/add", `{"date": "2025-09-26", "n": 20} {}`, "", 400, api.CodeMalformedJSON},
	{"add-unknown-member", "POST", "/v1/deadline/add", `{"date": "2025-09-26", "n": 20, "days": 3}`, "", 400, api.CodeBadRequest},
	{"add-wrong-type", "POST", "/v1/deadline/add", `{"date": "2025-09-26", "n": "twenty"}`, "", 400, api.CodeBadRequest},
	{"add-bad-date", "POST", "/v1/deadline/add", `{"date": "2025/09/26", "n": 20}`, "", 400, api.CodeInvalidDate},
	{"add-invalid-calendar", "POST", "/v1/deadline/add", `{"date": "2025-01-24", "n": 3, "calendar": @invalid-calendar.json}`, "", 422, api.CodeInvalidCalendar},
	{"between", "POST", "/v1/deadline/between", `{"from": "2025-09-26", "to": "2025-10-30"}`, "", 200, ""},
	{"due-rule", "POST", "/v1/deadline/due", `{"start": "2025-07-04", "rule": "penalty-decision"}`, "", 200, ""},
	{"due-period", "POST", "/v1/deadline/due", `{"start": "2025-01-31", "period": {"n": 1, "unit": "months"}, "roll": "none"}`, "", 200, ""},
	{"due-unknown-rule", "POST", "/v1/deadline/due", `{"start": "2025-07-04", "rule": "penalty"}`, "", 404, api.CodeUnknownRule},
	{"due-bad-unit", "POST", "/v1/deadline/due", `{"start": "2025-07-04", "period": {"n": 3, "unit": "fortnights"}}`, "", 400, api.CodeInvalidPeriod},
	{"status", "POST", "/v1/deadline/status", `{"rule": "licensing-decision", "start": "2025-09-26", "as_of": "2025-11-18",
	  "ledger": [{"kind": "suspend", "on": "2025-10-13", "cause": "expert_review", "reason": "专家评审"}, {"kind": "resume", "on": "2025-10-17"},
	             {"kind": "extend", "on": "2025-11-03", "units": 10, "approver": "局长", "reason": "需组织现场核查"}]}`, "", 200, ""},
	{"status-clock", "POST", "/v1/deadline/status", `{"clock": @clock.json, "as_of": "2025-10-20", "policy": {"yellow_remaining": 3, "yellow_used_percent": 50}}`, "", 200, ""},
	{"status-refused", "POST", "/v1/deadline/status", `{"rule": "licensing-decision", "start": "2025-09-26", "as_of": "2025-11-18",
	  "ledger": [{"kind": "extend", "on": "2025-10-10", "units": 20, "approver": "局长", "reason": "太多"}]}`, "", 422, api.CodeLedgerRefused},
	{"status-bad-cause", "POST", "/v1/deadline/status", `{"rule": "licensing-decision", "start": "2025-09-26", "as_of": "2025-11-18",
	  "ledger": [{"kind": "suspend", "on": "2025-10-13", "cause": "lunch"}]}`, "", 400, api.CodeBadRequest},
	{"explain", "POST", "/v1/deadline/explain", `{"rule": "disclosure-reply", "start": "2025-09-26", "as_of": "2025-10-31"}`, "", 200, ""},
	{"rules", "GET", "/v1/deadline/rules", "", "", 200, ""},

	{"calendar-show", "POST", "/v1/calendar/show", `{"year": 2025, "calendar": @small-calendar.json}`, "", 200, ""},
	{"calendar-show-out-of-coverage", "POST", "/v1/calendar/show", `{"year": 2030}`, "", 422, api.CodeOutOfCoverage},
	{"calendar-validate", "POST", "/v1/calendar/validate", `@small-calendar.json`, "application/json", 200, ""},
	{"calendar-validate-ics", "POST", "/v1/calendar/validate", `@small-calendar.ics`, "text/calendar", 200, ""},
	{"calendar-validate-invalid", "POST", "/v1/calendar/validate", `@invalid-calendar.json`, "application/json", 200, ""},
	{"calendar-export-ics", "POST", "/v1/calendar/export", `{"format": "ics", "calendar": @small-calendar.json}`, "", 200, ""},
	{"calendar-export-json", "POST", "/v1/calendar/export", `{"format": "json", "calendar": @small-calendar.json}`, "", 200, ""},
	{"calendar-export-bad-format", "POST", "/v1/calendar/export", `{"format": "xlsx"}`, "", 400, api.CodeBadRequest},

	{"procedures", "GET", "/v1/procedures", "", "", 200, ""},
	{"case-start", "POST", "/v1/cases/start", `{"procedure": "licensing", "id": "XK-2025-010"}`, "", 200, ""},
	{"case-start-definition", "POST", "/v1/cases/start", `{"id": "GK-2025-001", "definition": @info-request.json}`, "", 200, ""},
	{"case-start-unknown", "POST", "/v1/cases/start", `{"procedure": "licence", "id": "X"}`, "", 404, api.CodeUnknownProcedure},
	{"case-fire", "POST", "/v1/cases/fire", `{"case": @case-accepted.json, "event": {"trigger": "grant", "at": "2025-10-20T16:00:00+08:00",
	  "actor": {"officer": "李强", "unit": "市场监管局"}, "payload": {"decision": "准予许可决定书"}}}`, "", 200, ""},
	{"case-fire-refused", "POST", "/v1/cases/fire", `{"case": @case-accepted.json, "event": {"trigger": "grant", "at": "2025-10-20T16:00:00+08:00",
	  "actor": {"officer": "李强", "unit": "市场监管局"}}}`, "", 422, api.CodeInvalidTransition},
	{"case-fire-bad-instant", "POST", "/v1/cases/fire", `{"case": @case-accepted.json, "event": {"trigger": "grant", "at": "yesterday"}}`, "", 400, api.CodeBadRequest},
	{"case-fire-office-hours", "POST", "/v1/cases/fire", `{"case": {"id": "XK-2025-010", "definition": "licensing", "version": "2019", "state": "new"}, "event": {"trigger": "receive", "at": "2025-09-26T17:30:00+08:00",
	  "actor": {"officer": "王敏", "unit": "市场监管局"}, "payload": {"voucher": "收件011"}}, "office_hours": {"close": "17:00", "defer": true}}`, "", 200, ""},
	{"case-fire-bad-rest-time", "POST", "/v1/cases/fire", `{"case": {"id": "XK-2025-010", "definition": "licensing", "version": "2019", "state": "new"}, "event": {"trigger": "receive", "at": "2025-09-26T17:30:00+08:00",
	  "actor": {"officer": "王敏"}, "payload": {"voucher": "收件011"}}, "rest_time": {"night_from": "22:00", "night_to": "6"}}`, "", 400, api.CodeBadRequest},
	{"case-replay", "POST", "/v1/cases/replay", `{"procedure": "licensing", "id": "XK-2025-003", "events": @events.json}`, "", 200, ""},
	{"case-replay-refused", "POST", "/v1/cases/replay", `{"procedure": "licensing", "id": "XK-2025-005", "events": @events-refused.json}`, "", 422, api.CodeInvalidTransition},
	{"case-due", "POST", "/v1/cases/due", `{"case": @case-accepted.json, "as_of": "2025-11-01"}`, "", 200, ""},
	{"case-advance", "POST", "/v1/cases/advance", `{"case": @case-received.json, "as_of": "2025-10-10"}`, "", 200, ""},
	// Received Thu 25 Sep 2025: the next morning a licence can no longer
	// be decided on the spot (行政许可法 Art 34 ¶2); once the five working
	// days of Art 32 ¶1(4) ran out, 视为受理 applies first.
	{"case-next", "POST", "/v1/cases/next", `{"case": @case-received.json, "at": "2025-09-26T09:00:00+08:00"}`, "", 200, ""},
	{"case-next-outcome-due", "POST", "/v1/cases/next", `{"case": @case-received.json, "at": "2025-10-10T09:00:00+08:00"}`, "", 422, api.CodeOutcomeDue},
	{"case-next-bad-instant", "POST", "/v1/cases/next", `{"case": @case-received.json, "at": "2025-09-26"}`, "", 400, api.CodeInvalidDate},
	{"case-diagram", "POST", "/v1/cases/diagram", `{"procedure": "assistance", "format": "mermaid"}`, "", 200, ""},

	{"discretion-assess", "POST", "/v1/discretion/assess", `{"benchmark": @benchmark.json, "standard": "S-006", "facts": {"party": "citizen", "factors": ["art30-minor"]}}`, "", 200, ""},
	{"discretion-assess-art29", "POST", "/v1/discretion/assess", `{"benchmark": @benchmark.json, "standard": "S-003", "facts": {"party": "organisation", "already_fined": true, "other_norms": ["S-004"]}}`, "", 200, ""},
	{"discretion-assess-unknown-standard", "POST", "/v1/discretion/assess", `{"benchmark": @benchmark.json, "standard": "S-999", "facts": {"party": "citizen"}}`, "", 404, api.CodeUnknownStandard},
	{"discretion-assess-no-benchmark", "POST", "/v1/discretion/assess", `{"standard": "S-001", "facts": {"party": "citizen"}}`, "", 400, api.CodeBadRequest},
	{"discretion-assess-bad-party", "POST", "/v1/discretion/assess", `{"benchmark": @benchmark.json, "standard": "S-001", "facts": {"party": "alien"}}`, "", 400, api.CodeBadRequest},
	{"discretion-check", "POST", "/v1/discretion/check", `{"benchmark": @benchmark.json, "standard": "S-001",
	  "facts": {"party": "citizen", "factors": ["art30-minor"]}, "decision": {"kinds": ["fine"], "fine": "12000"}}`, "", 200, ""},
	{"discretion-check-bad-kind", "POST", "/v1/discretion/check", `{"benchmark": @benchmark.json, "standard": "S-001",
	  "facts": {"party": "citizen"}, "decision": {"kinds": ["flogging"]}}`, "", 400, api.CodeBadRequest},
	{"discretion-validate", "POST", "/v1/discretion/validate", `@invalid-benchmark.json`, "application/json", 200, ""},

	{"accountability-evaluate", "POST", "/v1/accountability/evaluate", `{"as_of": "2025-11-20", "ladder": "zhejiang", @@records.json}`, "", 200, ""},
	{"accountability-evaluate-no-as-of", "POST", "/v1/accountability/evaluate", `{@@records.json}`, "", 400, api.CodeBadRequest},

	{"catalogue-validate", "POST", "/v1/catalogue/validate", `@invalid-catalogue.json`, "application/json", 200, ""},
	{"catalogue-guide", "POST", "/v1/catalogue/guide", `{"catalogue": @catalogue.json, "code": "ZJ-XK-003", "on": "2025-06-01", "format": "markdown"}`, "", 200, ""},
	{"catalogue-guide-not-in-catalogue", "POST", "/v1/catalogue/guide", `{"catalogue": @catalogue.json, "code": "XX-000", "on": "2025-06-01"}`, "", 404, api.CodeNotInCatalogue},
}

// TestGolden sends every request over real HTTP on loopback and compares
// the status, media type and body with the golden files; -update rewrites
// them. Every JSON answer must also match the schema the OpenAPI
// document gives for it.
func TestGolden(t *testing.T) {
	srv := httptest.NewServer(server.New(server.Config{}))
	defer srv.Close()
	v := newValidator(t, server.OpenAPI())
	seen := map[string]bool{}
	for _, tc := range httpCases {
		if seen[tc.name] {
			t.Fatalf("two cases named %s", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			reqBody := body(t, tc.body)
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(reqBody))
			if err != nil {
				t.Fatal(err)
			}
			ct := tc.contentType
			if ct == "" && tc.method == "POST" {
				ct = "application/json"
			}
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			res, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			got, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			shown := tc.body
			if len(shown) > 0 {
				shown += "\n"
			}
			transcript := fmt.Sprintf("%s %s\n%s--- %d %s\n%s", tc.method, tc.path, shown, res.StatusCode, res.Header.Get("Content-Type"), got)
			compareGolden(t, filepath.Join("..", "testdata", "golden", "http", tc.name+".txt"), transcript)
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", res.StatusCode, tc.status, got)
			}
			if bytes.Contains(got, []byte("goroutine ")) || bytes.Contains(got, []byte(".go:")) {
				t.Errorf("the answer shows a stack trace: %s", got)
			}
			mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
			if mt != "application/json" {
				return
			}
			if tc.code != "" {
				var e server.ErrorResponse
				if err := json.Unmarshal(got, &e); err != nil || e.Error == nil || e.Error.Code != tc.code {
					t.Errorf("error %s, want code %s", got, tc.code)
				}
				if e.Error != nil && res.StatusCode != api.Status(e.Error.Code) {
					t.Errorf("status %d does not match code %s", res.StatusCode, e.Error.Code)
				}
			}
			if tc.path == "/v1/calendar/export" {
				return // a calendar document, not a response object
			}
			validate := func() error { return v.validateResponse(tc.method, tc.path, res.StatusCode, got) }
			if tc.code == api.CodeNotFound || tc.code == api.CodeMethodNotAllowed {
				// Not a documented operation: the answer is still an error.
				validate = func() error { return v.validateSchema("server.ErrorResponse", got) }
			}
			if err := validate(); err != nil {
				t.Errorf("the answer does not match the OpenAPI document: %v\n%s", err, got)
			}
		})
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("answer differs from %s (-want +got):\n%s", path, d)
	}
}

// The embedded document is the one the routes generate; -update rewrites
// it.
func TestOpenAPIUpToDate(t *testing.T) {
	gen, err := server.GenerateOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("openapi.json", gen, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if d := cmp.Diff(string(server.OpenAPI()), string(gen)); d != "" {
		t.Errorf("openapi.json is out of date; run go test ./server -update (-embedded +generated):\n%s", d)
	}
	var doc map[string]any
	if err := json.Unmarshal(server.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi %v, want 3.1.0", doc["openapi"])
	}
}

// Every route the server answers is in the document, and every operation
// of the document is answered by a route: probed over HTTP, a documented
// operation never falls through to 404 or 405, and each route is
// documented.
func TestRoutesMatchDocument(t *testing.T) {
	documented, err := server.DocPaths(server.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	var registered []string
	for _, rt := range server.Routes() {
		registered = append(registered, rt.Method+" "+rt.Path)
	}
	slices.Sort(registered)
	if d := cmp.Diff(documented, registered); d != "" {
		t.Errorf("routes and document differ (-documented +registered):\n%s", d)
	}
	srv := httptest.NewServer(server.New(server.Config{}))
	defer srv.Close()
	for _, op := range documented {
		method, path, _ := strings.Cut(op, " ")
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader("{}"))
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e server.ErrorResponse
		json.NewDecoder(res.Body).Decode(&e)
		res.Body.Close()
		if e.Error != nil && (e.Error.Code == api.CodeNotFound || e.Error.Code == api.CodeMethodNotAllowed) {
			t.Errorf("%s is documented but not served: %s", op, e.Error.Message)
		}
	}
	// And an operation that is not documented is not served.
	for _, op := range []string{"GET /v1/cases/start", "DELETE /v1/deadline/add", "POST /v1/deadline/subtract", "POST /"} {
		method, path, _ := strings.Cut(op, " ")
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 404 or 405", op, res.StatusCode)
		}
	}
}

// Each documented error status lists codes with that status, and each
// code of the API has one status.
func TestErrorCodesDocumented(t *testing.T) {
	doc := string(server.OpenAPI())
	for _, c := range api.Codes() {
		if !strings.Contains(doc, c) {
			t.Errorf("code %s is not in the document", c)
		}
		if s := api.Status(c); s < 400 || s > 599 {
			t.Errorf("code %s has status %d", c, s)
		}
	}
}

// A body larger than the limit answers 413 request_too_large, whatever
// the route.
func TestRequestTooLarge(t *testing.T) {
	srv := httptest.NewServer(server.New(server.Config{MaxBodyBytes: 256}))
	defer srv.Close()
	big := `{"date": "2025-09-26", "n": 20, "calendar": ` + fixture(t, "small-calendar.json") + `}`
	for _, path := range []string{"/v1/deadline/add", "/v1/calendar/validate", "/v1/catalogue/validate"} {
		res, err := srv.Client().Post(srv.URL+path, "application/json", strings.NewReader(big))
		if err != nil {
			t.Fatal(err)
		}
		var e server.ErrorResponse
		if err := json.NewDecoder(res.Body).Decode(&e); err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusRequestEntityTooLarge || e.Error.Code != api.CodeRequestTooLarge {
			t.Errorf("%s: %d %+v, want 413 request_too_large", path, res.StatusCode, e.Error)
		}
	}
}

// A fault of the program answers 500 with a JSON error and no stack
// trace, and the server goes on serving.
func TestPanicAnswers500(t *testing.T) {
	srv := httptest.NewServer(server.NewWithPanic())
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL + "/panic")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 500 || !strings.Contains(string(b), `"code": "internal"`) || strings.Contains(string(b), "goroutine") {
		t.Errorf("got %d %s", res.StatusCode, b)
	}
	res, err = srv.Client().Get(srv.URL + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("after a panic: %v %v", res, err)
	}
	res.Body.Close()
}

// Serve shuts down gracefully when its context is done: a request in
// flight completes, then Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var served atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		served.Add(1)
		w.Write([]byte("done"))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Serve(ctx, ln, h, nil) }()

	got := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v with a request in flight", err)
	default:
	}
	close(release)
	if b := <-got; b != "done" {
		t.Errorf("the request in flight got %q", b)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Error("still listening after shutdown")
	}
}

// ListenAndServe reports the address it listens on and serves the
// service over a real listener.
func TestListenAndServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- server.ListenAndServe(ctx, server.New(server.Config{}), server.ServeOptions{Addr: "127.0.0.1:0", Ready: func(a net.Addr) { addrc <- a }})
	}()
	addr := <-addrc
	res, err := http.Post("http://"+addr.String()+"/v1/deadline/add", "application/json", strings.NewReader(`{"date":"2025-09-26","n":20}`))
	if err != nil {
		t.Fatal(err)
	}
	var got api.AddResponse
	json.NewDecoder(res.Body).Decode(&got)
	res.Body.Close()
	if got.Date != "2025-10-30" {
		t.Errorf("got %+v", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("ListenAndServe: %v", err)
	}
	if err := server.ListenAndServe(context.Background(), nil, server.ServeOptions{Addr: "127.0.0.1:-1"}); err == nil {
		t.Error("ListenAndServe on a bad address succeeded")
	}
}

// The README lists every route and every error code with its status.
func TestREADME(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, rt := range server.Routes() {
		if want := fmt.Sprintf("| %-4s | %s |", rt.Method, rt.Path); !strings.Contains(readme, want) {
			t.Errorf("README lacks the route %q", want)
		}
	}
	for _, c := range api.Codes() {
		if want := fmt.Sprintf("| %s | %d |", c, api.Status(c)); !strings.Contains(readme, want) {
			t.Errorf("README lacks the code %q", want)
		}
	}
}
