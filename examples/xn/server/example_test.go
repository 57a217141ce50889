package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/xiaoneng/xiaoneng/examples/xn/server"
)

// New returns the handler of the service; here it answers the 20th
// working day after Friday 26 September 2025 over HTTP, and a date
// outside the calendar's coverage with a JSON error.
func ExampleNew() {
	srv := httptest.NewServer(server.New(server.Config{}))
	defer srv.Close()
	for _, body := range []string{`{"date": "2025-09-26", "n": 20}`, `{"date": "2030-01-02", "n": 5}`} {
		res, err := http.Post(srv.URL+"/v1/deadline/add", "application/json", strings.NewReader(body))
		if err != nil {
			log.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Println(res.StatusCode, strings.Join(strings.Fields(string(b))[:3], " "))
	}
	// Output:
	// 200 { "date": "2025-10-30",
	// 422 { "error": {
}

// Routes lists the operations the service serves, each described in the
// OpenAPI document.
func ExampleRoutes() {
	for _, rt := range server.Routes()[:4] {
		fmt.Println(rt.Method, rt.Path)
	}
	// Output:
	// GET /openapi.json
	// GET /healthz
	// POST /v1/deadline/add
	// POST /v1/deadline/between
}

// OpenAPI returns the embedded OpenAPI 3.1 document.
func ExampleOpenAPI() {
	doc := string(server.OpenAPI())
	fmt.Println(strings.Contains(doc, `"openapi": "3.1.0"`), strings.Contains(doc, `"/v1/deadline/add"`))
	// Output:
	// true true
}

// ListenAndServe serves until its context is done, then shuts down
// gracefully; Ready reports the address, here a free port on loopback.
func ExampleListenAndServe() {
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- server.ListenAndServe(ctx, server.New(server.Config{}), server.ServeOptions{
			Addr: "127.0.0.1:0", Ready: func(a net.Addr) { addr <- a },
		})
	}()
	res, err := http.Get("http://" + (<-addr).String() + "/healthz")
	if err != nil {
		log.Fatal(err)
	}
	res.Body.Close()
	fmt.Println(res.StatusCode)
	cancel() // as SIGINT does for xn serve
	fmt.Println(<-done)
	// Output:
	// 200
	// <nil>
}

// Serve is ListenAndServe on a listener of your own.
func ExampleServe() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.Serve(ctx, ln, server.New(server.Config{}), nil) }()
	res, err := http.Post("http://"+ln.Addr().String()+"/v1/deadline/between", "application/json",
		strings.NewReader(`{"from": "2025-09-26", "to": "2025-10-30"}`))
	if err != nil {
		log.Fatal(err)
	}
	var got struct {
		WorkingDays int `json:"working_days"`
	}
	json.NewDecoder(res.Body).Decode(&got)
	res.Body.Close()
	cancel()
	fmt.Println(got.WorkingDays, <-done)
	// Output: 20 <nil>
}
