import Foundation
import RecurEngine
import Testing

@testable import RecurTasks

@Suite struct CharLMTaskTests {
  /// "abac" repeated: frequencies a 1/2, b 1/4, c 1/4.
  static let text = [UInt8](String(repeating: "abac", count: 50).utf8)

  @Test func alphabetIsTheSortedCharactersAndEntropyIsKnown() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try writeFile(Array("cab\n".utf8) + Self.text, in: folder)
    let task = try makeTask(name: .charlm, seqLen: 5, seed: 1, dataPath: path)
    let generator = try #require(task.generator as? CharLMTask)
    #expect(generator.corpus.alphabet == ["\n", "a", "b", "c"])
    #expect(task.inputSize == 4 && task.outputSize == 4 && task.loss == .ceAll)
    let counts = [1.0, 101, 51, 51]  // "\n", a, b, c over 204 characters
    let entropy = counts.map { -$0 / 204 * log($0 / 204) }.reduce(0, +)
    #expect(abs(task.baselineLoss - entropy) < 1e-12)
    #expect(abs(task.solvedThreshold - 0.6 * entropy) < 1e-12)
  }

  @Test func unigramEntropyOfAbacIsOnePointFiveBits() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let task = try makeTask(
      name: .charlm, seqLen: 3, seed: 1, dataPath: writeFile(Self.text, in: folder))
    #expect(abs(SequenceTask.bitsPerCharacter(loss: task.baselineLoss) - 1.5) < 1e-12)
  }

  @Test func inputsAreOneHotAndLabelsAreTheNextCharacter() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = [UInt8]("the quick brown fox jumps over the lazy dog. ".utf8)
    let path = try writeFile(Array(repeating: text, count: 10).flatMap { $0 }, in: folder)
    var task = try makeTask(name: .charlm, seqLen: 12, seed: 3, dataPath: path)
    let alphabet = try #require(task.generator as? CharLMTask).corpus.alphabet
    let batch = task.trainingBatch(size: 20)
    let labels = labels(batch)
    let source = String(decoding: text, as: UTF8.self)
    for b in 0..<batch.size {
      let codes = try inputs(of: b, in: batch).map { try #require(hotIndex($0)) }
      let next = (0..<12).map { Int(labels[$0 * 20 + b]) }
      #expect(Array(codes.dropFirst()) == Array(next.dropLast()))
      let window = String(String.UnicodeScalarView((codes + [next[11]]).map { alphabet[$0] }))
      #expect((source + source).contains(window))  // a real window of the text
    }
  }

  @Test func charactersAreUnicodeScalarsAndAByteOrderMarkIsDropped() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let body = String(repeating: "é日a", count: 30)
    let path = try writeFile([0xEF, 0xBB, 0xBF] + Array(body.utf8), in: folder)
    let task = try makeTask(name: .charlm, seqLen: 2, seed: 1, dataPath: path)
    let corpus = try #require(task.generator as? CharLMTask).corpus
    #expect(corpus.alphabet == ["a", "é", "日"])
    #expect(corpus.codes.count == 90)
    #expect(abs(task.baselineLoss - log(3.0)) < 1e-12)
  }

  @Test func evaluationWindowsComeFromTheLastTenthOnly() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // 900 characters over "ab", then 100 over "xy": only x and y may appear when evaluating.
    var bytes = (0..<900).map { UInt8(ascii: $0 % 3 == 0 ? "a" : "b") }
    bytes += (0..<100).map { UInt8(ascii: $0 % 2 == 0 ? "x" : "y") }
    let path = try writeFile(bytes, in: folder)
    var task = try makeTask(
      name: .charlm, seqLen: 10, seed: 5, dataPath: path, evaluationSequences: 64)
    // Alphabet a b x y: classes 0 1 2 3.
    let evaluation = task.evaluationSet(batchSize: 64)[0]
    #expect(labels(evaluation).allSatisfy { $0 >= 2 })
    #expect(evaluation.inputs.enumerated().allSatisfy { $1 == 0 || $0 % 4 >= 2 })
    let training = task.trainingBatch(size: 64)
    #expect(labels(training).allSatisfy { $0 < 2 })
    #expect(training.inputs.enumerated().allSatisfy { $1 == 0 || $0 % 4 < 2 })
  }

  @Test func unigramPredictorOnTheShippedTextScoresItsEntropy() throws {
    let path = repositoryRoot.appendingPathComponent(SequenceTask.defaultDataPath).path
    var task = try makeTask(name: .charlm, seqLen: 100, seed: 1, dataPath: path)
    #expect(task.inputSize == 62)
    #expect(abs(task.baselineLoss - 3.0134) < 1e-4)  // 4.35 bits per character
    let batches = (0..<10).map { _ in task.trainingBatch(size: 50) }
    #expect(abs(task.trivialLoss(on: batches) - task.baselineLoss) < 0.05)
  }

  @Test func shortestTextThatFitsIsTenWindows() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let seqLen = 9
    let fits = try writeFile(Array(Self.text.prefix(100)), named: "fits.txt", in: folder)
    let short = try writeFile(Array(Self.text.prefix(99)), named: "short.txt", in: folder)
    var task = try makeTask(name: .charlm, seqLen: seqLen, seed: 1, dataPath: fits)
    #expect(task.trainingBatch(size: 4).steps == seqLen)
    #expect(task.evaluationSet(batchSize: 4).count == 128)
    #expect(throws: TaskError.dataFileTooShort(path: short, characters: 99, needed: 100, seqLen: 9))
    {
      try makeTask(name: .charlm, seqLen: seqLen, seed: 1, dataPath: short)
    }
  }

  @Test func badFilesAreRefusedWithTheirReason() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("nope.txt").path
    let empty = try writeFile([], named: "empty.txt", in: folder)
    let latin1 = try writeFile(Array("caf".utf8) + [0xE9] + Array(" au lait".utf8), in: folder)
    let oneLetter = try writeFile(
      Array(repeating: UInt8(ascii: "z"), count: 500), named: "z", in: folder)
    let manyLetters = try writeFile(
      Array((0..<1100).map { String(UnicodeScalar(0x4E00 + $0)!) }.joined().utf8), named: "cjk",
      in: folder)
    let cases: [(String, TaskError)] = [
      (missing, .dataFileMissing(path: missing)),
      ("/dev/zero", .dataFileUnreadable(path: "/dev/zero", reason: "not a regular file")),
      (folder.path, .dataFileUnreadable(path: folder.path, reason: "a folder")),
      (empty, .dataFileEmpty(path: empty)),
      (latin1, .dataFileNotUTF8(path: latin1, byteOffset: 3)),
      (oneLetter, .alphabetTooSmall(path: oneLetter, distinct: 1)),
      (manyLetters, .alphabetTooLarge(path: manyLetters, distinct: 1100, limit: 1024)),
    ]
    for (path, expected) in cases {
      #expect(throws: expected) { try makeTask(name: .charlm, seqLen: 5, seed: 1, dataPath: path) }
    }
  }

  @Test func aSymbolicLinkToATextIsFollowed() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = try writeFile(Self.text, in: folder)
    let link = folder.appendingPathComponent("link.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let task = try makeTask(name: .charlm, seqLen: 5, seed: 1, dataPath: link)
    #expect(task.inputSize == 3)
  }

  @Test func errorMessagesNameTheFileAndWhatIsExpected() {
    let missing = TaskError.dataFileMissing(path: "x.txt").description
    #expect(missing.contains("'x.txt'") && missing.contains("data=PATH"))
    let short = TaskError.dataFileTooShort(path: "s", characters: 99, needed: 100, seqLen: 9)
    #expect(short.description.contains("99 characters") && short.description.contains("100"))
    let latin1 = TaskError.dataFileNotUTF8(path: "l", byteOffset: 3).description
    #expect(latin1.contains("UTF-8") && latin1.contains("offset 3"))
  }
}
