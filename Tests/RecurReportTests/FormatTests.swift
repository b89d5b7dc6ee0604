import Foundation
import Testing

@testable import RecurReport

@Suite struct FormatTests {
  static func report(_ options: ReportOptions = ReportOptions()) throws -> Report {
    let fixture = try CellSweepFixture.make()
    return try Report(snapshot: SweepSnapshot.read(directory: fixture.directory), options: options)
  }

  /// The value a machine format must give back for field `name` of row `row`: nil where the
  /// table has nothing.
  static func expected(_ table: ReportTable, row: Int, field name: String) -> Double? {
    for (index, column) in table.columns.enumerated() {
      switch table.rows[row][index] {
      case .ratio(let k, let n) where column.name == name: return Double(k) + 0 * Double(n)
      case .ratio(_, let n) where column.name + "_of" == name: return Double(n)
      default: if column.name == name { return table.rows[row][index].numeric }
      }
    }
    return nil
  }

  @Test func csvParsesBackToTheSameNumbers() throws {
    let report = try Self.report()
    let records = CSVReader.parse(report.render(.csv))
    let header = try #require(records.first)
    #expect(header.contains("solved") && header.contains("solved_of"))
    #expect(header.count == Set(header).count)
    #expect(records.count == report.table.rows.count + 1)
    var compared = 0
    for (row, record) in records.dropFirst().enumerated() {
      #expect(record.count == header.count)
      for (name, field) in zip(header, record)
      where report.table.columns.first(where: { $0.name == name })?.kind != .key {
        let expected = Self.expected(report.table, row: row, field: name)
        #expect(field.isEmpty == (expected == nil), "\(name)")
        if let expected {
          #expect(Double(field) == expected, "\(name): \(field) vs \(expected)")
          compared += 1
        }
      }
      #expect(record[0] == report.groups[row].keyValues[0])
    }
    #expect(compared > 40)
  }

  @Test func jsonParsesBackToTheSameNumbers() throws {
    let report = try Self.report()
    // JSONDecoder rounds numbers correctly, as Python's json and pandas do (Foundation's
    // JSONSerialization does not always).
    let object = try JSONDecoder().decode(JSONValue.self, from: Data(report.render(.json).utf8))
    #expect(object["sweep"] == .string("fixture"))
    #expect(object["group_by"] == .array([.string("cell")]))
    #expect(object["complete"] == .bool(true))
    #expect(
      object["counts"]?["finished"] == .number(4) && object["counts"]?["failed"] == .number(1))
    guard case .array(let groups) = object["groups"], case .array(let columns) = object["columns"]
    else {
      Issue.record("no groups or columns")
      return
    }
    #expect(groups.count == report.table.rows.count)
    #expect(columns.map { $0["name"] } == report.table.columns.map { .string($0.name) })
    var compared = 0
    for (row, group) in groups.enumerated() {
      guard case .object(let members) = group else { continue }
      #expect(members["cell"] == .string(report.groups[row].keyValues[0]))
      for (name, value) in members where name != "cell" {
        let expected = Self.expected(report.table, row: row, field: name)
        #expect(value == (expected.map(JSONValue.number) ?? .null), "\(name)")
        compared += expected == nil ? 0 : 1
      }
    }
    #expect(compared > 40)
  }

  @Test func numericKeyValuesAreJSONNumbers() throws {
    let fixture = try SweepFixture(
      sweptKeys: ["lr", "seed"],
      trials: [
        ["lr": "0.001", "seed": "1"], ["lr": "1e-2", "seed": "1"], ["lr": "01", "seed": "1"],
      ])
    let report = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    let object = try JSONDecoder().decode(JSONValue.self, from: Data(report.render(.json).utf8))
    guard case .array(let groups) = object["groups"] else {
      Issue.record("no groups")
      return
    }
    #expect(groups.map { $0["lr"] } == [.number(0.001), .number(0.01), .string("01")])
  }

  @Test func csvQuotesFieldsWithCommasAndQuotes() throws {
    #expect(CSVTable.field("a,b") == "\"a,b\"")
    #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVTable.field("plain") == "plain")
    #expect(CSVReader.parse("\"a,b\",\"x\"\"y\"\r\n1,\r\n") == [["a,b", "x\"y"], ["1", ""]])
  }

  @Test(arguments: [60, 80, 120, 1000])
  func theTerminalTableFitsTheWidthAndKeepsTheKeys(width: Int) throws {
    let text = try Self.report().render(.table, width: width)
    let all = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    for line in all { #expect(line.count <= width, "\(line)") }
    #expect(all.first?.hasPrefix("fixture: grouped by cell.") == true)
    let lines = all.drop { !$0.hasPrefix("cell") }
    let header = try #require(lines.first)
    #expect(header.hasPrefix("cell"))
    #expect(header.contains("loss/base"))
    #expect(lines.dropFirst(2).prefix(2).map { $0.prefix(4) } == ["rnn ", "lstm"])
    if width == 1000 { #expect(!text.contains("did not fit")) }
    if width == 60 { #expect(text.contains("did not fit")) }
  }

  @Test func numbersAreRightAlignedInOneStylePerColumn() throws {
    let text = try Self.report().render(.table, width: nil)
    let lines = text.split(separator: "\n").map(String.init).drop { !$0.hasPrefix("cell") }
    let header = try #require(lines.first)
    let end = try #require(header.range(of: "eval loss")?.upperBound)
    let column = header.distance(from: header.startIndex, to: end)
    let cells = lines.dropFirst(2).map { String($0.prefix(column).suffix(9)) }
    // 0.5 and 0.2: one fixed style; both end where the header ends.
    #expect(cells == ["    0.500", "    0.200"])
  }

  @Test func scientificNotationWhereAColumnSpansDecades() {
    #expect(NumberFormatting.style(for: [0.5, 0.001]) == .scientific)
    #expect(NumberFormatting.style(for: [1e6, 2e6]) == .scientific)
    #expect(NumberFormatting.style(for: [0.5, 0.2]) == .fixed(decimals: 3))
    #expect(NumberFormatting.style(for: [12.5, 30]) == .fixed(decimals: 1))
    #expect(NumberFormatting.style(for: [1200, 2400]) == .whole)
    #expect(NumberFormatting.scientific.format(0.000123) == "1.23e-04")
  }

  @Test func markdownHasOneRowPerGroupAndAlignedSeparators() throws {
    let text = try Self.report().render(.md)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 2 + 2)
    #expect(lines[0].hasPrefix("| cell"))
    #expect(lines[1].hasPrefix("| :---") && lines[1].contains("---: |"))
    let pipes = lines.map {
      $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
    }
    #expect(Set(pipes).count == 1)
  }
}

/// A small RFC 4180 reader for the tests.
enum CSVReader {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let c = characters.popFirst() {
      if quoted {
        if c == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"": quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\r\n", "\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.append(c)
      }
    }
    if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
    return records
  }
}

/// Any JSON value, decoded with JSONDecoder.
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }
}
