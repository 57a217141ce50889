package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"

	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
	"github.com/xiaoneng/xiaoneng/examples/xn/server"
)

// ServeOptions are what `xn serve` starts the HTTP service with.
type ServeOptions struct {
	Addr   string
	Config server.Config
	// Ready is called with the address listened on.
	Ready func(net.Addr)
}

var serveCommands = []command{
	{
		path: "serve", args: "", calendar: true,
		summary: "run the HTTP JSON service (the same operations, for other languages)",
		detail: `Serves the operations as JSON over HTTP until SIGINT or SIGTERM, then shuts down
gracefully. GET /openapi.json describes every route, request and response.
Errors answer {"error": {"code": "...", "message": "..."}} with a stable code.
--calendar, --benchmark and --catalogue set the defaults requests may override.`,
		examples: []string{
			"xn serve --addr 127.0.0.1:8080",
			"curl -s localhost:8080/v1/deadline/add -d '{\"date\":\"2025-09-26\",\"n\":20}'",
			"xn serve --addr :8080 --benchmark benchmark.json --catalogue county-2025.json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
			bench := fs.String("benchmark", "", "default discretion benchmark `FILE`")
			cat := fs.String("catalogue", "", "default catalogue `FILE`")
			maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body in `BYTES`")
			quiet := fs.Bool("quiet", false, "log nothing")
			return func(r *runner, args []string) error {
				if err := want(args, 0, ""); err != nil {
					return err
				}
				if r.extend != "" {
					cal, err := r.svc.CalendarWith(r.extend)
					if err != nil {
						return err
					}
					r.svc.Calendar = cal
				}
				if *bench != "" {
					data, err := r.readFile(*bench)
					if err != nil {
						return err
					}
					b, err := discretion.Parse(data)
					if err != nil {
						return prefix(*bench, api.AsError(err))
					}
					r.svc.Benchmark = b
				}
				if *cat != "" {
					data, err := r.readFile(*cat)
					if err != nil {
						return err
					}
					c, err := catalogue.Parse(data)
					if err != nil {
						return prefix(*cat, api.AsError(err))
					}
					r.svc.Catalogue = c
				}
				o := ServeOptions{Addr: *addr, Config: server.Config{Service: r.svc, MaxBodyBytes: *maxBody}}
				if !*quiet {
					o.Config.Logger = slog.New(slog.NewTextHandler(r.env.stderr(), nil))
				}
				o.Ready = func(a net.Addr) {
					fmt.Fprintf(r.env.stderr(), "xn: serving on http://%s (calendar %s); GET /openapi.json describes the routes\n", a, r.svc.CalendarRef().ID)
				}
				serve := r.env.Serve
				if serve == nil {
					serve = func(ctx context.Context, o ServeOptions) error {
						return server.ListenAndServe(ctx, server.New(o.Config), server.ServeOptions{Addr: o.Addr, Ready: o.Ready})
					}
				}
				if err := serve(r.ctx, o); err != nil {
					return api.Errorf(api.CodeBadRequest, "serve: %v", err)
				}
				fmt.Fprintln(r.env.stderr(), "xn: shut down")
				return nil
			}
		},
	},
}
