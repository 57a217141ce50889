module github.com/xiaoneng/xiaoneng

go 1.26

require (
	github.com/google/go-cmp v0.7.0
	github.com/qmuntal/stateless v1.7.2
	github.com/rickb777/date/v2 v2.1.8
	github.com/shopspring/decimal v1.6.0
	pgregory.net/rapid v1.3.0
)

require (
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickb777/period v1.0.9 // indirect
	github.com/rickb777/plural v1.4.2 // indirect
)
