"use strict";
const I18N = {
  vi: {
    title: "Bộ phận Một cửa – văn phòng mô phỏng", connecting: "Đang kết nối…", live: "Trực tiếp", brokerDown: "Mất MQTT",
    printer: "Máy phát số thứ tự", jarMissing: "Thiết bị chưa chạy (chưa build jar).", paper: "Trạng thái máy in",
    "st_ok": "Bình thường", "st_paper-near-end": "Sắp hết giấy", "st_paper-out": "Hết giấy", "st_cover-open": "Mở nắp",
    "st_offline": "Mất kết nối", lastTicket: "Phiếu vừa in", nothingPrinted: "Chưa in phiếu nào.",
    hall: "Màn hình sảnh chờ", waiting: "Đang chờ", announcements: "Lời mời đã phát", noCalls: "Chưa gọi số nào.",
    invite: "Mời số {ticket} đến quầy {counter}", counter: "Quầy", serving: "Đang phục vụ", closed: "Đóng",
    call: "Gọi số tiếp", recall: "Gọi lại", close: "Đóng quầy", pad: "Bàn phím đánh giá",
    "very-satisfied": "Rất hài lòng", satisfied: "Hài lòng", unsatisfied: "Chưa hài lòng", reasons: "Lý do",
    lookup: "Kiosk tra cứu", scan: "Quét", scanPlaceholder: "Mã hồ sơ (quét mã vạch)", stats: "Thống kê hôm nay",
    ticketsToday: "Số phiếu đã phát", avgWait: "Thời gian chờ TB", avgService: "Thời gian phục vụ TB", served: "Đã phục vụ",
    ratings: "Đánh giá", overall: "Toàn bộ phận", none: "—", devices: "Thiết bị", device: "Thiết bị", mqtt: "MQTT",
    coap: "CoAP", telemetry: "Telemetry", outbox: "Hàng đợi", hardware: "Phần cứng", online: "trực tuyến",
    offline: "ngoại tuyến", reachable: "có", unreachable: "không", nobody: "Không còn ai chờ", waitingN: "{n} chờ",
    fault: "Lỗi máy in", warning: "Cảnh báo máy in", refused: "Từ chối phát số", noWaiting: "Không có ai chờ.", speakerOn: "Đã bật loa",
    footer: "Mô phỏng: mọi thiết bị là phần mềm thật chạy với phần cứng ảo. Nhật ký: run/office/logs/.",
    noKiosk: "Kiosk tra cứu chưa chạy.", total: "Tổng", ratingsN: "{n} lượt", queueEmpty: "Hàng chờ trống.",
    notRunning: "chưa chạy", config: "Cấu hình", noOne: "Quầy chưa phục vụ ai", openFull: "Mở toàn màn hình", speakerOnShort: "Loa: bật", speakerOffShort: "Loa: tắt"
  },
  en: {
    title: "One-stop office – simulation", connecting: "Connecting…", live: "Live", brokerDown: "MQTT down",
    printer: "Ticket printer", jarMissing: "Device not running (jar not built).", paper: "Printer state",
    "st_ok": "OK", "st_paper-near-end": "Paper near end", "st_paper-out": "Paper out", "st_cover-open": "Cover open",
    "st_offline": "Offline", lastTicket: "Last printed ticket", nothingPrinted: "Nothing printed yet.",
    hall: "Hall display", waiting: "Waiting", announcements: "Announcements", noCalls: "No number called yet.",
    invite: "Number {ticket} to counter {counter}", counter: "Counter", serving: "Serving", closed: "Closed",
    call: "Call next", recall: "Recall", close: "Close", pad: "Rating pad",
    "very-satisfied": "Very satisfied", satisfied: "Satisfied", unsatisfied: "Unsatisfied", reasons: "Reasons",
    lookup: "Lookup kiosk", scan: "Scan", scanPlaceholder: "Dossier code (barcode scan)", stats: "Today's figures",
    ticketsToday: "Tickets issued", avgWait: "Average wait", avgService: "Average service", served: "Served",
    ratings: "Ratings", overall: "Whole office", none: "—", devices: "Devices", device: "Device", mqtt: "MQTT",
    coap: "CoAP", telemetry: "Telemetry", outbox: "Outbox", hardware: "Hardware", online: "online",
    offline: "offline", reachable: "yes", unreachable: "no", nobody: "Nobody waiting", waitingN: "{n} waiting",
    fault: "Printer fault", warning: "Printer warning", refused: "Ticket refused", noWaiting: "Nobody waiting.", speakerOn: "Speaker on",
    footer: "Simulation: every device is the real software on virtual hardware. Logs: run/office/logs/.",
    noKiosk: "The lookup kiosk is not running.", total: "Total", ratingsN: "{n} ratings", queueEmpty: "Queue empty.",
    notRunning: "not running", config: "Config", noOne: "Nobody at this counter", openFull: "Open full screen", speakerOnShort: "Voice: on", speakerOffShort: "Voice: off"
  }
};
